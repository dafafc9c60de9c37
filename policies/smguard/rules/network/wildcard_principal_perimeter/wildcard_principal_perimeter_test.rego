package smguard.rules.network.wildcard_principal_perimeter_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.network.wildcard_principal_perimeter as rule

anyone := [{"type": "*", "values": ["*"]}]

invoke := ["sagemaker:invokeendpoint"]

test_fail_scoped_actions_for_anyone if {
	doc := inputs.endpoint([inputs.statement({"principals": anyone, "actions": invoke})])
	inputs.verdicts(rule.findings) == {["SM502", "e", "fail"]} with input as doc
}

test_pass_with_perimeter[key] if {
	some key, condition in {
		"org": inputs.condition("StringEquals", "aws:PrincipalOrgID", ["o-abc"]),
		"account": inputs.condition("StringEquals", "aws:PrincipalAccount", ["123456789012"]),
		"arn": inputs.condition("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::123456789012:role/*"]),
		"resource org": inputs.condition("StringEquals", "aws:ResourceOrgID", ["o-abc"]),
	}
	doc := inputs.endpoint([inputs.statement({"principals": anyone, "actions": invoke, "conditions": [condition]})])
	count(rule.findings) == 0 with input as doc
}

test_fail_account_outside_configured_accounts if {
	condition := inputs.condition("StringEquals", "aws:PrincipalAccount", ["999999999999"])
	doc := inputs.endpoint([inputs.statement({"principals": anyone, "actions": invoke, "conditions": [condition]})])
	verdicts := inputs.verdicts(rule.findings) with input as doc
		with data.smguard.config as {"perimeter": {"account_ids": ["123456789012"]}}
	verdicts == {["SM502", "e", "fail"]}
}

test_pass_wildcard_actions_are_sm501s if {
	doc := inputs.endpoint([inputs.statement({"principals": anyone, "actions": ["*"]})])
	count(rule.findings) == 0 with input as doc
}

test_pass_deny_statements if {
	doc := inputs.endpoint([inputs.statement({"effect": "Deny", "principals": anyone, "actions": invoke})])
	count(rule.findings) == 0 with input as doc
}

test_fail_not_principal_lets_everyone_else_in if {
	everyone_but := [{"type": "AWS", "values": ["arn:aws:iam::123456789012:role/blocked"]}]
	doc := inputs.endpoint([inputs.statement({"principals": null, "not_principals": everyone_but, "actions": invoke})])
	inputs.verdicts(rule.findings) == {["SM502", "e", "fail"]} with input as doc
}

test_fail_org_pattern_taking_in_every_org if {
	condition := inputs.condition("StringLike", "aws:PrincipalOrgID", ["o-*"])
	doc := inputs.endpoint([inputs.statement({"principals": anyone, "actions": invoke, "conditions": [condition]})])
	inputs.verdicts(rule.findings) == {["SM502", "e", "fail"]} with input as doc
}
