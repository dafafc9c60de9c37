package smguard.rules.hosting.model_network_isolation_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.hosting.model_network_isolation as rule

test_fail_isolation_off if {
	doc := {"resources": {"models": [object.union(inputs.hardened_model, {"enable_network_isolation": false})]}}
	inputs.verdicts(rule.findings) == {["SM402", "model", "fail"]} with input as doc
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as {"resources": {"models": [inputs.hardened_model]}}
}
