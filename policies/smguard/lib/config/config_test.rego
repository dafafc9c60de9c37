package smguard.lib.config_test

import data.smguard.lib.config

test_defaults_without_config if {
	count(config.approved_subnet_ids) == 0
	not config.network_restricted
	count(config.disabled_rules) == 0
}

test_reads_lists if {
	config.approved_vpc_ids == {"vpc-1"} with data.smguard.config as {"network": {"approved_vpc_ids": ["vpc-1"]}}
	config.network_restricted with data.smguard.config as {"network": {"approved_vpc_ids": ["vpc-1"]}}
	config.disabled_rules == {"SM101"} with data.smguard.config as {"rules": {"disable": ["SM101"]}}
}

test_only_rule_settings_can_change_findings if {
	not config.changes_findings
	not config.changes_findings with data.smguard.config as {"network": {"approved_vpc_ids": ["vpc-1"]}}
	config.changes_findings with data.smguard.config as {"rules": {"disable": ["SM101"]}}
	config.changes_findings with data.smguard.config as {"waivers": []}
}

waiver := {"rule": "SM101", "resource": "nb", "reason": "accepted", "expires": "2030-01-01"}

# A helper of the tests below (the settings differ in every assertion).
problems_of(settings) := problems if {
	# regal ignore:with-outside-test-context
	problems := config.problems with data.smguard.config as settings
}

test_a_valid_config_has_no_problems if {
	count(config.problems) == 0
	valid := {
		"access": {"corporate_cidrs": ["192.0.2.0/24", "2001:db8::/32"], "allowed_vpce_ids": ["vpce-0a1b2c3d4e5f60718"]},
		"perimeter": {"org_id": "o-a1b2c3d4e5", "account_ids": ["123456789012"]},
		"network": {"approved_subnet_ids": ["subnet-0a1b2c3d4e5f60718"]},
		"rules": {"disable": ["SM106", "SM901"]},
		"waivers": [waiver, object.union(waiver, {"rule": "SM950"})],
		"policies": ["rules"],
	}
	count(problems_of(valid)) == 0
}

test_unknown_sections_and_keys_are_problems if {
	problems_of({"acess": {}}) == {
		`unknown config section "acess" (known: access, hosting, network, perimeter, policies, rules, scan, waivers)`,
	}
	problems_of({"network": {"approved_subnets": []}}) == {`unknown config key "network.approved_subnets"`}
	problems_of({"network": []}) == {"network must be a mapping"}
	problems_of([]) == {"the config must be an object"}
}

test_values_of_the_wrong_shape_are_problems if {
	problems_of({"perimeter": {"org_id": ["o-a1b2c3d4e5"]}}) == {"perimeter.org_id must be a string"}
	problems_of({"network": {"approved_vpc_ids": "vpc-0123456789abcdef0"}}) == {
		"network.approved_vpc_ids must be a list of strings",
	}
	problems_of({"access": {"corporate_cidrs": ["10.0.0.1/24", "10.0.0.0/33"]}}) == {
		`access.corporate_cidrs: "10.0.0.1/24" is not a CIDR range`,
		`access.corporate_cidrs: "10.0.0.0/33" is not a CIDR range`,
	}
	problems_of({"access": {"allowed_vpce_ids": ["vpce-*"]}}) == {
		`access.allowed_vpce_ids: "vpce-*" is not a VPC endpoint ID (vpce-…)`,
	}
}

test_rules_that_do_not_exist_or_cannot_be_disabled_are_problems if {
	problems_of({"rules": {"disable": ["SM199", "SM001"]}}) == {
		`rules.disable names an unknown rule "SM199"`,
		"rules.disable: SM001 cannot be disabled (it reports input that could not be read)",
	}
}

test_incomplete_waivers_are_problems_and_waive_nothing if {
	without_expiry := json.remove(waiver, ["expires"])
	impossible := object.union(waiver, {"expires": "2027-02-30"})
	typo := object.union(waiver, {"rule": "SM1O1", "until": "x"})
	settings := {"waivers": [without_expiry, impossible, typo, "SM101", waiver]}
	problems_of(settings) == {
		"waivers[0]: expires is required (a non-empty string)",
		`waivers[1]: expires "2027-02-30" is not a date (YYYY-MM-DD)`,
		`waivers[2]: unknown key "until"`,
		`waivers[2]: unknown rule "SM1O1"`,
		"waivers[3] must be a mapping",
	}
	config.waivers == {4: waiver} with data.smguard.config as settings
	problems_of({"waivers": {"rule": "SM101"}}) == {"waivers must be a list"}
	problems_of({"waivers": [object.union(waiver, {"rule": "SM001"})]}) == {
		"waivers[0]: SM001 cannot be waived (it reports input that could not be read)",
	}
}
