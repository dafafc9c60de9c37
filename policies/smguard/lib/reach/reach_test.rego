package smguard.lib.reach_test

import data.smguard.lib.cidr
import data.smguard.lib.inputs_test as inputs
import data.smguard.lib.reach

action := "sagemaker:createpresignednotebookinstanceurl"

allow_all := inputs.statement({"actions": ["sagemaker:*"]})

office_deny(conditions) := inputs.statement({"effect": "Deny", "actions": ["sagemaker:*"], "conditions": conditions})

office := inputs.condition("NotIpAddress", "aws:SourceIp", ["192.0.2.0/24"])

open_with(statements) if reach.open_grant(statements, statements[0], action)

# open_grant skips working out the network for grants pinned to a small range: same answer.
test_the_short_cut_agrees_with_the_network[name] if {
	some name, ranges in {
		"small": ["192.0.2.0/24"], "bare": ["192.0.2.7"], "ipv6": ["2001:db8::/48"],
		"large": ["11.0.0.0/8", "12.0.0.0/8"], "halves": ["::/1", "8000::/1"],
	}
	some operator in ["IpAddress", "IpAddressIfExists", "ForAllValues:IpAddress"]
	condition := inputs.condition(operator, "aws:SourceIp", ranges)
	grant := inputs.statement({"actions": ["sagemaker:*"], "conditions": [condition]})
	[1 | reach.open_grant([grant], grant, action)] == [1 | reach.open(reach.network([grant], grant, action))]
}

test_office_only_deny_closes_an_open_grant if {
	not open_with([allow_all, office_deny([office])])
}

# A Deny that also requires something else stops only that sliver of callers.
test_partial_denies_leave_the_grant_open[name] if {
	some name, extra in {
		"principal tag": inputs.condition("StringEquals", "aws:PrincipalTag/team", ["ml"]),
		"region": inputs.condition("StringEquals", "aws:RequestedRegion", ["eu-west-1"]),
		"user id pattern": inputs.condition("StringLike", "aws:userid", ["AIDA*"]),
		"plain http only": inputs.condition("Bool", "aws:SecureTransport", ["false"]),
		"if the key is present": inputs.condition("StringEquals", "aws:PrincipalTag/x", ["1"]),
	}
	open_with([allow_all, office_deny([office, extra])])
}

# ... unless the grant itself asks the same of its callers, or the extra test holds for all.
test_extra_tests_that_cover_the_grants_callers_still_close_it if {
	team := inputs.condition("StringEquals", "aws:PrincipalTag/team", ["ml"])
	not open_with([inputs.statement({"actions": ["sagemaker:*"], "conditions": [team]}), office_deny([office, team])])
	any_region := inputs.condition("StringLikeIfExists", "aws:RequestedRegion", ["*"])
	not open_with([allow_all, office_deny([office, any_region])])
}

test_corporate_ip_or_our_endpoint if {
	our_endpoint := inputs.condition("StringNotEqualsIfExists", "aws:SourceVpce", ["vpce-0a1b2c3d4e5f60718"])
	not open_with([allow_all, office_deny([office, our_endpoint])])
	reach.network([allow_all, office_deny([office, our_endpoint])], allow_all, action).internet.blocks == {"192.0.2.0/24"}
}

test_ranges_that_cover_everything_however_spelled[name] if {
	some name, ranges in {
		"ipv6 halves": ["::/1", "8000::/1"],
		"ipv4 halves": ["0.0.0.0/1", "128.0.0.0/1"],
		"all ipv4 but one address": [
			"0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3", "224.0.0.0/4", "240.0.0.0/5", "248.0.0.0/6",
			"252.0.0.0/7", "254.0.0.0/8", "255.0.0.0/9",
		],
		"interleaved /9 blocks": [sprintf("%d.0.0.0/9", [n]) | some n in numbers.range(0, 254)],
	}
	open_with([inputs.statement({"actions": ["sagemaker:*"], "conditions": [
		inputs.condition("IpAddress", "aws:SourceIp", ranges),
	]})])
	open_with([allow_all, office_deny([inputs.condition("NotIpAddress", "aws:SourceIp", ranges)])])
}

test_corporate_sized_ranges_restrict if {
	not open_with([inputs.statement({"actions": ["sagemaker:*"], "conditions": [
		inputs.condition("IpAddress", "aws:SourceIp", ["10.0.0.0/8", "192.0.2.0/24", "2001:db8::/32"]),
	]})])
}

# Found by the simulator: a Deny with two address tests fires where both hold.
test_a_deny_with_two_address_tests_blocks_their_intersection if {
	grant := inputs.statement({"actions": ["sagemaker:*"], "conditions": [
		inputs.condition("IpAddress", "aws:SourceIp", ["198.51.100.0/24", "203.0.113.0/24"]),
	]})
	deny := office_deny([
		inputs.condition("IpAddress", "aws:SourceIp", ["198.51.100.0/24"]),
		inputs.condition("IpAddressIfExists", "aws:SourceIp", ["198.51.100.0/25", "203.0.113.0/24"]),
	])
	where := reach.network([grant, deny], grant, action)
	cidr.open_blocks(where.internet) == ["198.51.100.0/24", "203.0.113.0/24"]
	where.internet.holes == {"198.51.100.0/25"}
}

test_a_block_list_deny_leaves_the_rest_open if {
	block := office_deny([inputs.condition("IpAddress", "aws:SourceIp", ["198.51.100.0/24"])])
	open_with([allow_all, block])
}

test_ids_patterns_matching_every_well_formed_id[name] if {
	some name, condition in {
		"vpc-0*": inputs.condition("StringLike", "aws:SourceVpc", ["vpc-0*"]),
		"vpce-0*": inputs.condition("StringLike", "aws:SourceVpce", ["vpce-0*"]),
		"vpce-*": inputs.condition("StringLike", "aws:SourceVpce", ["vpce-*"]),
		"variable": inputs.condition("StringEquals", "aws:SourceVpc", ["${aws:SourceVpc}"]),
	}
	open_with([inputs.statement({"actions": ["sagemaker:*"], "conditions": [condition]})])
}

test_named_vpcs_restrict if {
	not open_with([inputs.statement({"actions": ["sagemaker:*"], "conditions": [
		inputs.condition("StringEquals", "aws:SourceVpc", ["vpc-0a1b2c3d4e5f60718"]),
	]})])
	not open_with([inputs.statement({"actions": ["sagemaker:*"], "conditions": [
		inputs.condition("StringLike", "aws:SourceVpce", ["vpce-0a1b2c*"]),
	]})])
}

test_variable_in_a_deny_stops_nothing if {
	open_with([allow_all, office_deny([inputs.condition("StringNotEquals", "aws:SourceVpc", ["${aws:SourceVpc}"])])])
}

perimeter_allow(conditions) := inputs.statement({
	"principals": [{"type": "*", "values": ["*"]}], "actions": ["sagemaker:invokeendpoint"], "conditions": conditions,
})

test_perimeter_variables_and_wildcards_let_everyone_in[name] if {
	some name, condition in {
		"variable": inputs.condition("StringEquals", "aws:PrincipalOrgID", ["${aws:PrincipalOrgID}"]),
		"any org": inputs.condition("StringLike", "aws:PrincipalOrgID", ["o-*"]),
		"any account's role": inputs.condition("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/*"]),
		"any account": inputs.condition("StringLike", "aws:PrincipalAccount", ["????????????"]),
		"if exists": inputs.condition("StringEqualsIfExists", "aws:PrincipalOrgID", ["o-abc123defg"]),
		"not a service": inputs.condition("Bool", "aws:PrincipalIsAWSService", ["false"]),
	}
	statement := perimeter_allow([condition])
	reach.outside_perimeter([statement], statement)
}

test_perimeter_conditions_and_denies_close_it if {
	org := perimeter_allow([inputs.condition("StringEquals", "aws:PrincipalOrgID", ["o-abc123defg"])])
	not reach.outside_perimeter([org], org)
	anyone := perimeter_allow([])
	deny := inputs.statement({
		"effect": "Deny", "principals": [{"type": "*", "values": ["*"]}], "actions": ["*"],
		"conditions": [inputs.condition("StringNotEquals", "aws:PrincipalOrgID", ["o-abc123defg"])],
	})
	not reach.outside_perimeter([anyone, deny], anyone)
	partial := object.union(deny, {"conditions": array.concat(deny.conditions, [
		inputs.condition("StringEquals", "aws:PrincipalTag/team", ["ml"]),
	])})
	reach.outside_perimeter([anyone, partial], anyone)
}

test_configured_perimeter_and_case_rules if {
	any_case := inputs.condition("StringEqualsIgnoreCase", "aws:PrincipalOrgID", ["O-ABC123DEFG"])
	shouted := perimeter_allow([any_case])
	not reach.outside_perimeter([shouted], shouted) with data.smguard.config as {"perimeter": {"org_id": "o-abc123defg"}}
	exact := perimeter_allow([inputs.condition("StringEquals", "aws:PrincipalOrgID", ["O-ABC123DEFG"])])
	reach.outside_perimeter([exact], exact) with data.smguard.config as {"perimeter": {"org_id": "o-abc123defg"}}
	other := perimeter_allow([inputs.condition("StringEquals", "aws:PrincipalAccount", ["999999999999"])])
	accounts := {"perimeter": {"account_ids": ["123456789012"]}}
	reach.outside_perimeter([other], other) with data.smguard.config as accounts
}

vpc_keys := {"sagemaker:vpcsubnets", "sagemaker:vpcsecuritygroupids"}

no_subnets := {"sagemaker:vpcsecuritygroupids": ["sg-1"]}

guardrail(extra) := inputs.statement({
	"effect": "Deny", "actions": ["sagemaker:createtrainingjob"],
	"conditions": array.concat(
		[inputs.condition("Null", "sagemaker:VpcSubnets", ["true"])],
		extra,
	),
})

test_guardrail_exemptions_of_a_few_still_fire if {
	reach.fires_for_everyone(guardrail([]), vpc_keys, no_subnets)
	reach.fires_for_everyone(
		guardrail([inputs.condition("ArnNotLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/BreakGlass"])]),
		vpc_keys, no_subnets,
	)
	reach.fires_for_everyone(
		guardrail([inputs.condition("StringNotEquals", "aws:PrincipalTag/exempt", ["true"])]),
		vpc_keys, no_subnets,
	)
}

test_guardrail_exemptions_of_everyone[name] if {
	some name, condition in {
		"every role": inputs.condition("ArnNotLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/*"]),
		"everything": inputs.condition("StringNotLike", "aws:PrincipalArn", ["*"]),
		"one region": inputs.condition("StringEquals", "aws:RequestedRegion", ["eu-west-1"]),
		"tagged callers": inputs.condition("StringEquals", "aws:PrincipalTag/team", ["ml"]),
	}
	not reach.fires_for_everyone(guardrail([condition]), vpc_keys, no_subnets)
}

test_a_grant_no_request_can_meet_is_no_grant if {
	never := inputs.statement({"actions": ["sagemaker:*"], "conditions": [
		inputs.condition("StringEquals", "aws:PrincipalTag/team", ["ml"]),
		inputs.condition("StringNotEqualsIfExists", "aws:PrincipalTag/team", ["ml"]),
	]})
	count(reach.grants([never], action)) == 0
	not reach.outside_perimeter([never], never)
	count(reach.grants([allow_all], action)) == 1
}

# Documents not made by smguard's frontends may hold values that are no address: never a pass.
test_values_that_are_no_address_restrict_nothing if {
	open_with([inputs.statement({"actions": ["sagemaker:*"], "conditions": [
		inputs.condition("IpAddress", "aws:SourceIp", ["not-an-ip"]),
	]})])
	open_with([allow_all, office_deny([inputs.condition("NotIpAddress", "aws:SourceIp", ["10.0.0.0/33"])])])
}

test_conditions_are_anded if {
	statement := inputs.statement({"conditions": [
		inputs.condition("StringEquals", "aws:SourceVpc", ["vpc-1"]),
		inputs.condition("StringEquals", "aws:RequestedRegion", ["eu-west-1"]),
	]})
	keys := {"aws:sourcevpc", "aws:requestedregion"}
	reach.holds_on(statement, keys, {"aws:sourcevpc": ["vpc-1"], "aws:requestedregion": ["eu-west-1"]})
	not reach.holds_on(statement, keys, {"aws:sourcevpc": ["vpc-1"], "aws:requestedregion": ["us-east-1"]})
}
