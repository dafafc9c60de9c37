package smguard.rules.hosting.model_in_customer_vpc_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.hosting.model_in_customer_vpc as rule

models(model) := {"resources": {"models": [model]}}

test_fail_no_vpc if {
	model := object.union(inputs.hardened_model, {"subnets": null, "security_group_ids": null})
	inputs.verdicts(rule.findings) == {["SM401", "model", "fail"]} with input as models(model)
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as models(inputs.hardened_model)
}

test_fail_known_missing_security_groups_beside_unknown_subnets if {
	model := object.union(inputs.hardened_model, {
		"subnets": null, "security_group_ids": null,
		"meta": {"unknown": ["subnets"]},
	})
	inputs.verdicts(rule.findings) == {["SM401", "model", "fail"]} with input as models(model)
}
