package smguard.rules.registry.group_policy_not_public_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.registry.group_policy_not_public as rule

statement(fields) := object.union(
	{
		"sid": null, "effect": "Allow", "actions": ["sagemaker:describemodelpackage"], "not_actions": null,
		"resources": ["*"], "not_resources": null, "principals": [{"type": "*", "values": ["*"]}],
		"not_principals": null, "conditions": [], "unknown": [],
	},
	fields,
)

doc(statements) := {"resources": {"model_package_groups": [{
	"meta": {"id": "g", "location": "test", "unknown": [], "pending": []},
	"name": "g", "policy": statements,
}]}}

org_condition := {
	"operator": "StringEquals", "base": "StringEquals", "qualifier": null, "if_exists": false,
	"key": "aws:principalorgid", "values": ["o-a1b2c3d4e5"], "values_unknown": false,
}

test_fail_public if {
	inputs.verdicts(rule.findings) == {["SM731", "g", "fail"]} with input as doc([statement({})])
}

test_pass_named_account if {
	named := statement({"principals": [{"type": "AWS", "values": ["arn:aws:iam::210987654321:root"]}]})
	count(rule.findings) == 0 with input as doc([named])
}

test_pass_organization_condition if {
	count(rule.findings) == 0 with input as doc([statement({"conditions": [org_condition]})])
}

test_pass_no_policy if {
	count(rule.findings) == 0 with input as doc(null)
}

test_unknown_policy if {
	unknown := {"resources": {"model_package_groups": [{
		"meta": {"id": "g", "location": "test", "unknown": ["policy"], "pending": []},
		"name": "g", "policy": null,
	}]}}
	inputs.verdicts(rule.findings) == {["SM731", "g", "unknown"]} with input as unknown
}

test_unknown_conditions if {
	doc_ := doc([statement({"unknown": ["conditions"]})])
	inputs.verdicts(rule.findings) == {["SM731", "g", "unknown"]} with input as doc_
}
