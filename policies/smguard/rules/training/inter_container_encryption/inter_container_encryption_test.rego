package smguard.rules.training.inter_container_encryption_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.training.inter_container_encryption as rule

test_fail_insecure_value if {
	doc := inputs.job({"enable_inter_container_traffic_encryption": false})
	verdicts := inputs.verdicts(rule.findings) with input as doc
	verdicts == {["SM303", "job", "fail"]}
}

test_fail_attribute_missing if {
	job := object.remove(inputs.hardened_job, ["enable_inter_container_traffic_encryption"])
	doc := {"resources": {"training_jobs": [job]}}
	inputs.verdicts(rule.findings) == {["SM303", "job", "fail"]} with input as doc
}

test_unknown_value if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.job_unknown("enable_inter_container_traffic_encryption")
	verdicts == {["SM303", "job", "unknown"]}
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as inputs.job({})
}
