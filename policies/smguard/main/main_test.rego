package smguard.main_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.main

defaults_notebook := inputs.notebook({
	"direct_internet_access": true, "root_access": true, "security_groups": [],
	"kms_key_id": null, "minimum_instance_metadata_service_version": null,
	"subnet_id": null, "vpc_id": null, "vpc_key": null, "default_network": null,
})

test_collects_every_rule if {
	ids := {f.rule_id | some f in main.findings} with input as defaults_notebook
	ids == {"SM101", "SM102", "SM103", "SM104", "SM105", "SM106"}
}

test_hardened_notebook_has_no_findings if {
	# vpc_key null: the notebook's VPC (and so SM504) is outside this input.
	count(main.findings) == 0 with input as inputs.notebook({"vpc_key": null})
}

test_settings_that_change_nothing_change_nothing if {
	# Without settings the rules' sets are passed on as they are; with settings that match no
	# finding, every finding goes through the checks: the answers must be the same.
	plain := main.findings with input as defaults_notebook
	count(plain) == 6
	configs := [
		{"rules": {"disable": []}, "waivers": []},
		{"rules": {"disable": ["SM999"]}},
		{"waivers": [waiver("SM999", "*", "2030-01-01")]},
		{"waivers": [waiver("SM101", "other.*", "2030-01-01")]},
	]
	every config in configs {
		main.findings == plain with input as defaults_notebook with data.smguard.config as config
	}
}

test_disabled_rules_are_dropped if {
	ids := {f.rule_id | some f in main.findings} with input as defaults_notebook
		with data.smguard.config as {"rules": {"disable": ["SM101", "SM104"]}}
	ids == {"SM102", "SM103", "SM105", "SM106"}
}

test_error_findings_cannot_be_disabled if {
	doc := inputs.complete({"errors": [{"resource": "r", "location": "p", "message": "bad"}]})
	ids := {f.rule_id | some f in main.findings} with input as doc
		with data.smguard.config as {"rules": {"disable": ["SM001"]}}
	ids == {"SM001"}
}

waiver(rule, resource, expires) := {"rule": rule, "resource": resource, "reason": "accepted risk", "expires": expires}

test_waived_findings_are_reported_as_waived if {
	config := {"waivers": [waiver("SM101", "n*", "2030-01-01")]}
	findings := main.findings with input as defaults_notebook with data.smguard.config as config
	count(findings) == 6
	{[f.rule_id, f.waiver] | some f in findings; f.status == "waived"} == {["SM101", "accepted risk"]}
}

test_expired_waiver_stops_waiving_and_says_so if {
	config := {"waivers": [waiver("SM101", "nb", "2020-01-01")]}
	findings := main.findings with input as defaults_notebook with data.smguard.config as config
	messages := {f.message | some f in findings; f.rule_id == "SM101"; f.status == "fail"}
	messages == {"direct internet access is enabled (an absent setting means Enabled) (waiver expired on 2020-01-01)"}
}

test_waiver_with_an_unreadable_date_never_waives if {
	config := {"waivers": [waiver("SM101", "nb", "2020-01-01T10:00:00")]}
	statuses := {f.status | some f in main.findings; f.rule_id == "SM101"} with input as defaults_notebook
		with data.smguard.config as config
	statuses == {"fail"}
}

test_waiver_expires_at_the_end_of_its_day if {
	config := {"waivers": [waiver("SM101", "nb", "2030-01-01")]}
	late := time.parse_rfc3339_ns("2030-01-01T23:00:00Z")
	statuses := {f.status | some f in main.findings; f.rule_id == "SM101"} with input as defaults_notebook
		with data.smguard.config as config
		with time.now_ns as late
	statuses == {"waived"}
}

test_waiver_for_another_resource_changes_nothing if {
	config := {"waivers": [waiver("SM101", "other.*", "2030-01-01")]}
	statuses := {f.status | some f in main.findings} with input as defaults_notebook with data.smguard.config as config
	statuses == {"fail"}
}

test_error_findings_cannot_be_waived if {
	doc := inputs.complete({"errors": [{"resource": "r", "location": "p", "message": "bad"}]})
	statuses := {f.status | some f in main.findings} with input as doc
		with data.smguard.config as {"waivers": [waiver("SM001", "*", "2030-01-01")]}
	statuses == {"error"}
}

test_a_waiver_without_expiry_keeps_its_finding_failing if {
	incomplete := json.remove(waiver("SM101", "nb", "2030-01-01"), ["expires"])
	findings := main.findings with input as defaults_notebook with data.smguard.config as {"waivers": [incomplete]}
	{f.status | some f in findings; f.rule_id == "SM101"} == {"fail"}
	{f.status | some f in findings; f.rule_id == "SM001"} == {"error"}
}

test_unused_waivers_are_those_matching_no_finding if {
	typo := waiver("SM101", "nb-typo", "2030-01-01")
	config := {"waivers": [waiver("SM101", "n*", "2030-01-01"), typo, waiver("SM104", "nb", "2020-01-01")]}
	unused := main.unused_waivers with input as defaults_notebook with data.smguard.config as config
	unused == {object.union(typo, {"index": 1})}
}
