package smguard.rules.network.endpoint_policy_restrictive_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.network.endpoint_policy_restrictive as rule

anyone := [{"type": "*", "values": ["*"]}]

org := inputs.condition("StringEquals", "aws:PrincipalOrgID", ["o-abc"])

test_fail_no_policy if {
	inputs.verdicts(rule.findings) == {["SM501", "e", "fail"]} with input as inputs.endpoint(null)
}

test_fail_full_access[form] if {
	some form, principals in {"star": anyone, "aws star": [{"type": "AWS", "values": ["*"]}]}
	some actions in [["*"], ["sagemaker:*"]]
	doc := inputs.endpoint([inputs.statement({"principals": principals, "actions": actions})])
	inputs.verdicts(rule.findings) == {["SM501", "e", "fail"]} with input as doc
}

test_pass_full_access_inside_perimeter if {
	doc := inputs.endpoint([inputs.statement({"principals": anyone, "actions": ["*"], "conditions": [org]})])
	count(rule.findings) == 0 with input as doc
	count(rule.findings) == 0 with input as doc with data.smguard.config as {"perimeter": {"org_id": "o-abc"}}
}

test_fail_perimeter_of_another_organization if {
	doc := inputs.endpoint([inputs.statement({"principals": anyone, "actions": ["*"], "conditions": [org]})])
	mine := {"perimeter": {"org_id": "o-mine"}}
	verdicts := inputs.verdicts(rule.findings) with input as doc with data.smguard.config as mine
	verdicts == {["SM501", "e", "fail"]}
}

test_pass_scoped_actions if {
	doc := inputs.endpoint([inputs.statement({"principals": anyone, "actions": ["sagemaker:invokeendpoint"]})])
	count(rule.findings) == 0 with input as doc
}

test_pass_named_principal if {
	principals := [{"type": "AWS", "values": ["arn:aws:iam::123456789012:root"]}]
	doc := inputs.endpoint([inputs.statement({"principals": principals, "actions": ["*"]})])
	count(rule.findings) == 0 with input as doc
}

test_pass_non_sagemaker_endpoint if {
	doc := inputs.endpoint(null)
	other := {"resources": {"vpc_endpoints": [object.union(doc.resources.vpc_endpoints[0], {"sagemaker_service": null})]}}
	count(rule.findings) == 0 with input as other
}

test_unknown_policy if {
	doc := inputs.endpoint(null)
	unknown := object.union(doc.resources.vpc_endpoints[0], {"meta": {"unknown": ["policy"]}})
	inputs.verdicts(rule.findings) == {["SM501", "e", "unknown"]} with input as {"resources": {"vpc_endpoints": [unknown]}}
}
