package smguard.rules.training.network_isolation_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.training.network_isolation as rule

test_fail_insecure_value if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.job({"enable_network_isolation": false})
	verdicts == {["SM302", "job", "fail"]}
}

test_fail_attribute_missing if {
	job := object.remove(inputs.hardened_job, ["enable_network_isolation"])
	doc := {"resources": {"training_jobs": [job]}}
	inputs.verdicts(rule.findings) == {["SM302", "job", "fail"]} with input as doc
}

test_unknown_value if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.job_unknown("enable_network_isolation")
	verdicts == {["SM302", "job", "unknown"]}
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as inputs.job({})
}

test_automl_jobs_have_no_isolation_setting if {
	automl := object.union(inputs.hardened_job, {"kind": "automl_v2", "enable_network_isolation": null})
	count(rule.findings) == 0 with input as {"resources": {"training_jobs": [automl]}}
}

test_a_kind_of_a_later_version_is_judged if {
	later := object.union(inputs.hardened_job, {"kind": "from_a_later_version", "enable_network_isolation": false})
	count(rule.findings) == 1 with input as {"resources": {"training_jobs": [later]}}
}
