package smguard.lib.iam_test

import data.smguard.lib.iam
import data.smguard.lib.inputs_test as inputs

action := "sagemaker:createpresignednotebookinstanceurl"

test_action_patterns_match_as_iam_does if {
	iam.action_matches("sagemaker:createpresignednotebookinstanceurl", action)
	iam.action_matches("*", action)
	iam.action_matches("sagemaker:*", action)
	iam.action_matches("sagemaker:createpresigned*", action)
	iam.action_matches("sagemaker:create?resigned*url", action)
	iam.action_matches("*:createpresigned*", action)
}

test_action_patterns_do_not_overmatch if {
	not iam.action_matches("sagemaker:createpresigneddomainurl", action)
	not iam.action_matches("sagemaker:describe*", action)
	not iam.action_matches("s3:*", action)
	not iam.action_matches("sagemaker:createpresigned", action)
	not iam.action_matches("sagemaker.createpresigned*", "sagemakerxcreatepresignedurl")
	not iam.action_matches("sagemaker:[c]*", action)
}

test_covers_with_action_and_not_action if {
	iam.covers(inputs.statement({"actions": ["sagemaker:*"]}), action)
	iam.covers(inputs.statement({"not_actions": ["s3:*"]}), action)
	not iam.covers(inputs.statement({"not_actions": ["sagemaker:*"]}), action)
	not iam.covers(inputs.statement({"actions": ["sagemaker:describe*"]}), action)
}

test_network_restricted_allow_needs_a_binding_test if {
	iam.network_restricted_allow(inputs.statement({"conditions": [
		inputs.condition("IpAddress", "aws:SourceIp", ["192.0.2.0/24"]),
	]}))
	iam.network_restricted_allow(inputs.statement({"conditions": [
		inputs.condition("ForAnyValue:StringEquals", "aws:sourceVpce", ["vpce-1"]),
	]}))
	not iam.network_restricted_allow(inputs.statement({"conditions": [
		inputs.condition("StringEqualsIfExists", "aws:SourceVpc", ["vpc-1"]),
	]}))
	not iam.network_restricted_allow(inputs.statement({"conditions": [
		inputs.condition("ForAllValues:StringEquals", "aws:SourceVpce", ["vpce-1"]),
	]}))
	not iam.network_restricted_allow(inputs.statement({"conditions": [
		inputs.condition("IpAddress", "aws:SourceIp", ["0.0.0.0/0"]),
	]}))
	not iam.network_restricted_allow(inputs.statement({"conditions": [
		inputs.condition("NotIpAddress", "aws:SourceIp", ["192.0.2.0/24"]),
	]}))
	not iam.network_restricted_allow(inputs.statement({"conditions": [
		inputs.condition("StringEquals", "aws:PrincipalOrgID", ["o-1"]),
	]}))
}

test_network_restricting_deny if {
	iam.network_restricting_deny(
		inputs.statement({"effect": "Deny", "actions": ["sagemaker:*"], "conditions": [
			inputs.condition("NotIpAddress", "aws:SourceIp", ["192.0.2.0/24"]),
		]}),
		action,
	)
	not iam.network_restricting_deny(
		inputs.statement({"effect": "Deny", "actions": ["sagemaker:*"], "conditions": [
			inputs.condition("ForAnyValue:StringNotEquals", "aws:SourceVpce", ["vpce-1"]),
		]}),
		action,
	)
	not iam.network_restricting_deny(
		inputs.statement({"effect": "Deny", "actions": ["s3:*"], "conditions": [
			inputs.condition("NotIpAddress", "aws:SourceIp", ["192.0.2.0/24"]),
		]}),
		action,
	)
}

test_wildcards if {
	iam.wildcard_principal(inputs.statement({"principals": [{"type": "*", "values": ["*"]}]}))
	iam.wildcard_principal(inputs.statement({"principals": [{"type": "AWS", "values": ["1", "*"]}]}))
	not iam.wildcard_principal(inputs.statement({"principals": [{"type": "AWS", "values": ["123456789012"]}]}))
	iam.wildcard_actions(inputs.statement({"actions": ["sagemaker:*"]}))
	iam.wildcard_actions(inputs.statement({"not_actions": ["s3:*"]}))
	not iam.wildcard_actions(inputs.statement({"actions": ["sagemaker:invokeendpoint"]}))
}

test_perimeter_condition if {
	iam.perimeter_condition(inputs.statement({"conditions": [
		inputs.condition("StringEquals", "aws:PrincipalOrgID", ["o-abc"]),
	]}))
	iam.perimeter_condition(inputs.statement({"conditions": [
		inputs.condition("Bool", "aws:PrincipalIsAWSService", ["true"]),
	]}))
	not iam.perimeter_condition(inputs.statement({"conditions": [
		inputs.condition("Bool", "aws:PrincipalIsAWSService", ["false"]),
	]}))
	not iam.perimeter_condition(inputs.statement({"conditions": [
		inputs.condition("StringEqualsIfExists", "aws:PrincipalOrgID", ["o-abc"]),
	]}))
	not iam.perimeter_condition(inputs.statement({"conditions": [
		inputs.condition("StringLike", "aws:PrincipalOrgID", ["*"]),
	]}))
}

test_perimeter_condition_must_match_config if {
	org := inputs.statement({"conditions": [inputs.condition("StringEquals", "aws:PrincipalOrgID", ["o-abc"])]})
	iam.perimeter_condition(org) with data.smguard.config as {"perimeter": {"org_id": "o-abc"}}
	not iam.perimeter_condition(org) with data.smguard.config as {"perimeter": {"org_id": "o-other"}}
	account := inputs.statement({"conditions": [inputs.condition("StringEquals", "aws:PrincipalAccount", ["1"])]})
	iam.perimeter_condition(account) with data.smguard.config as {"perimeter": {"account_ids": ["1", "2"]}}
	not iam.perimeter_condition(account) with data.smguard.config as {"perimeter": {"account_ids": ["2"]}}
}

test_not_principal_and_wildcard_accounts_are_anyone if {
	iam.wildcard_principal(inputs.statement({"principals": [{"type": "AWS", "values": ["arn:aws:iam::*:root"]}]}))
	iam.wildcard_principal(inputs.statement({"not_principals": [{"type": "AWS", "values": ["123456789012"]}]}))
	service := [{"type": "Service", "values": ["sagemaker.amazonaws.com"]}]
	not iam.wildcard_principal(inputs.statement({"principals": service}))
}

test_patterns_taking_in_strangers_pin_nothing[key] if {
	some key, condition in {
		"any org": inputs.condition("StringLike", "aws:PrincipalOrgID", ["o-*"]),
		"any org path": inputs.condition("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", ["o-*/*"]),
		"any account": inputs.condition("StringLike", "aws:PrincipalAccount", ["????????????"]),
		"any account's role": inputs.condition("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/admin"]),
	}
	not iam.perimeter_condition(inputs.statement({"conditions": [condition]}))
}

test_patterns_inside_one_perimeter_still_pin if {
	iam.perimeter_condition(inputs.statement({"conditions": [
		inputs.condition("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", ["o-abc/r-ab12/ou-ab12-*"]),
	]}))
	iam.perimeter_condition(inputs.statement({"conditions": [
		inputs.condition("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::123456789012:role/*"]),
	]}))
}

test_network_ranges_taking_in_everyone_restrict_nothing if {
	halves := inputs.condition("IpAddress", "aws:SourceIp", ["0.0.0.0/1", "128.0.0.0/1"])
	not iam.network_restricted_allow(inputs.statement({"conditions": [halves]}))
	any_vpc := inputs.condition("StringLike", "aws:SourceVpc", ["vpc-*"])
	not iam.network_restricted_allow(inputs.statement({"conditions": [any_vpc]}))
	open_deny := inputs.condition("NotIpAddress", "aws:SourceIp", ["0.0.0.0/1", "128.0.0.0/1"])
	not iam.network_restricting_deny(
		inputs.statement({"effect": "Deny", "actions": ["sagemaker:*"], "conditions": [open_deny]}),
		action,
	)
	iam.network_restricted_allow(inputs.statement({"conditions": [
		inputs.condition("IpAddress", "aws:SourceIp", ["10.0.0.0/8", "192.0.2.0/24"]),
	]}))
}

test_org_paths_and_principal_arns_must_match_config if {
	path := inputs.statement({"conditions": [
		inputs.condition("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", ["o-abc/r-ab12/*"]),
	]})
	iam.perimeter_condition(path) with data.smguard.config as {"perimeter": {"org_id": "o-abc"}}
	not iam.perimeter_condition(path) with data.smguard.config as {"perimeter": {"org_id": "o-other"}}
	arn := inputs.statement({"conditions": [
		inputs.condition("ArnEquals", "aws:PrincipalArn", ["arn:aws:iam::111111111111:role/app"]),
	]})
	iam.perimeter_condition(arn) with data.smguard.config as {"perimeter": {"account_ids": ["111111111111"]}}
	not iam.perimeter_condition(arn) with data.smguard.config as {"perimeter": {"account_ids": ["222222222222"]}}
}
