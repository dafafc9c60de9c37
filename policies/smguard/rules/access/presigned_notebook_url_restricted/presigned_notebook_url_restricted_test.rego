package smguard.rules.access.presigned_notebook_url_restricted_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.access.presigned_notebook_url_restricted as rule

source_ip := inputs.condition("IpAddress", "aws:SourceIp", ["192.0.2.0/24"])

test_fail_grant_forms[form] if {
	some form, statement in {
		"exact": {"actions": ["sagemaker:createpresignednotebookinstanceurl"]},
		"service wildcard": {"actions": ["sagemaker:*"]},
		"star": {"actions": ["*"]},
		"prefix wildcard": {"actions": ["sagemaker:createpresigned*"]},
		"not action": {"not_actions": ["s3:*"]},
	}
	verdicts := inputs.verdicts(rule.findings) with input as inputs.identity_policy([inputs.statement(statement)])
	verdicts == {["SM201", "p", "fail"]}
}

test_pass_not_granted[form] if {
	some form, statement in {
		"other action": {"actions": ["sagemaker:describenotebookinstance"]},
		"not action excludes it": {"not_actions": ["sagemaker:createpresigned*"]},
		"deny": {"effect": "Deny", "actions": ["sagemaker:*"]},
		"domain url only": {"actions": ["sagemaker:createpresigneddomainurl"]},
	}
	count(rule.findings) == 0 with input as inputs.identity_policy([inputs.statement(statement)])
}

test_pass_allow_with_network_condition[key] if {
	some key, condition in {
		"source ip": source_ip,
		"source vpc": inputs.condition("StringEquals", "aws:SourceVpc", ["vpc-1"]),
		"source vpce any value": inputs.condition("ForAnyValue:StringEquals", "aws:sourceVpce", ["vpce-1"]),
	}
	statement := inputs.statement({"actions": ["sagemaker:*"], "conditions": [condition]})
	count(rule.findings) == 0 with input as inputs.identity_policy([statement])
}

test_fail_allow_with_condition_that_binds_nothing[key] if {
	some key, condition in {
		"if exists": inputs.condition("StringEqualsIfExists", "aws:SourceVpc", ["vpc-1"]),
		"for all values": inputs.condition("ForAllValues:StringEquals", "aws:SourceVpce", ["vpce-1"]),
		"everywhere": inputs.condition("IpAddress", "aws:SourceIp", ["0.0.0.0/0"]),
		"other key": inputs.condition("StringEquals", "aws:PrincipalTag/team", ["ml"]),
	}
	statement := inputs.statement({"actions": ["sagemaker:*"], "conditions": [condition]})
	verdicts := inputs.verdicts(rule.findings) with input as inputs.identity_policy([statement])
	verdicts == {["SM201", "p", "fail"]}
}

test_pass_unconditional_allow_with_restricting_deny if {
	statements := [
		inputs.statement({"actions": ["sagemaker:*"]}),
		inputs.statement({"effect": "Deny", "actions": ["sagemaker:createpresigned*"], "conditions": [
			inputs.condition("NotIpAddress", "aws:SourceIp", ["192.0.2.0/24"]),
		]}),
	]
	count(rule.findings) == 0 with input as inputs.identity_policy(statements)
}

test_fail_deny_that_restricts_another_action if {
	statements := [
		inputs.statement({"actions": ["sagemaker:*"]}),
		inputs.statement({"effect": "Deny", "actions": ["sagemaker:createpresigneddomainurl"], "conditions": [
			inputs.condition("NotIpAddress", "aws:SourceIp", ["192.0.2.0/24"]),
		]}),
	]
	verdicts := inputs.verdicts(rule.findings) with input as inputs.identity_policy(statements)
	verdicts == {["SM201", "p", "fail"]}
}

test_message_names_the_statements if {
	statements := [inputs.statement({"sid": "Open", "actions": ["*"]}), inputs.statement({"actions": ["sagemaker:*"]})]
	some finding in rule.findings with input as inputs.identity_policy(statements)
	startswith(finding.message, "sagemaker:createpresignednotebookinstanceurl is allowed from anywhere")
	contains(finding.message, `statement "Open" (from 0.0.0.0/0, ::/0 and through any VPC endpoint); statement #1 (`)
}

test_unknown_policy_document if {
	doc := {"resources": {"iam_policies": [object.union(
		inputs.identity_policy([]).resources.iam_policies[0],
		{"statements": null, "meta": {"unknown": ["statements"]}},
	)]}}
	inputs.verdicts(rule.findings) == {["SM201", "p", "unknown"]} with input as doc
}

test_unknown_statement_parts[part] if {
	some part, statement in {
		"actions": {"actions": [], "unknown": ["actions"]},
		"conditions": {"actions": ["sagemaker:*"], "conditions": [], "unknown": ["conditions"]},
		"effect": {"actions": ["sagemaker:*"], "unknown": ["effect"]},
	}
	verdicts := inputs.verdicts(rule.findings) with input as inputs.identity_policy([inputs.statement(statement)])
	verdicts == {["SM201", "p", "unknown"]}
}

test_known_grant_wins_over_unknown_parts if {
	statements := [
		inputs.statement({"actions": ["*"]}),
		inputs.statement({"actions": [], "unknown": ["actions"]}),
	]
	inputs.verdicts(rule.findings) == {["SM201", "p", "fail"]} with input as inputs.identity_policy(statements)
}

test_pass_network_condition_with_values_known_only_at_apply if {
	vpce := object.union(inputs.condition("StringEquals", "aws:SourceVpce", []), {"values_unknown": true})
	statement := inputs.statement({"actions": ["sagemaker:*"], "conditions": [vpce]})
	count(rule.findings) == 0 with input as inputs.identity_policy([statement])
}

test_fail_deny_scoped_to_other_resources if {
	statements := [
		inputs.statement({"actions": ["sagemaker:*"], "resources": ["*"]}),
		inputs.statement({
			"effect": "Deny", "actions": ["sagemaker:createpresigned*"],
			"resources": ["arn:aws:sagemaker:*:*:notebook-instance/prod-*"],
			"conditions": [inputs.condition("NotIpAddress", "aws:SourceIp", ["192.0.2.0/24"])],
		}),
	]
	verdicts := inputs.verdicts(rule.findings) with input as inputs.identity_policy(statements)
	verdicts == {["SM201", "p", "fail"]}
}

test_pass_deny_covering_the_granted_resources if {
	statements := [
		inputs.statement({"actions": ["sagemaker:*"], "resources": ["arn:aws:sagemaker:eu-west-1:1:notebook-instance/prod-a"]}),
		inputs.statement({
			"effect": "Deny", "actions": ["sagemaker:createpresigned*"],
			"resources": ["arn:aws:sagemaker:*:*:notebook-instance/prod-*"],
			"conditions": [inputs.condition("NotIpAddress", "aws:SourceIp", ["192.0.2.0/24"])],
		}),
	]
	count(rule.findings) == 0 with input as inputs.identity_policy(statements)
}
