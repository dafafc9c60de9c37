package smguard.rules.training.remote_debug_disabled_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.training.remote_debug_disabled as rule

test_fail_insecure_value if {
	inputs.verdicts(rule.findings) == {["SM307", "job", "fail"]} with input as inputs.job({"enable_remote_debug": true})
}

test_fail_attribute_missing if {
	job := object.remove(inputs.hardened_job, ["enable_remote_debug"])
	doc := {"resources": {"training_jobs": [job]}}
	inputs.verdicts(rule.findings) == {["SM307", "job", "fail"]} with input as doc
}

test_unknown_value if {
	inputs.verdicts(rule.findings) == {["SM307", "job", "unknown"]} with input as inputs.job_unknown("enable_remote_debug")
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as inputs.job({})
}
