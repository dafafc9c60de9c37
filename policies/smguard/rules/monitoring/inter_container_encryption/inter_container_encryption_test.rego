package smguard.rules.monitoring.inter_container_encryption_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.monitoring.inter_container_encryption as rule

attribute := "enable_inter_container_traffic_encryption"

doc(fields) := {"resources": {"monitoring_jobs": [object.union(
	{"meta": {"id": "r", "location": "test", "unknown": [], "pending": []}, "kind": "model_explainability"},
	fields,
)]}}

test_fail_insecure_value if {
	inputs.verdicts(rule.findings) == {["SM702", "r", "fail"]} with input as doc({attribute: false})
}

test_fail_absent_means_the_default if {
	inputs.verdicts(rule.findings) == {["SM702", "r", "fail"]} with input as doc({attribute: null})
}

test_unknown_value if {
	unknown := doc({attribute: null, "meta": {"unknown": [attribute]}})
	inputs.verdicts(rule.findings) == {["SM702", "r", "unknown"]} with input as unknown
}

test_pass_secure_value if {
	count(rule.findings) == 0 with input as doc({attribute: true})
}

test_message_names_the_kind_and_field if {
	some finding in rule.findings with input as doc({attribute: false})
	finding.message == concat("", [
		"the model explainability job definition does not encrypt inter-container traffic:",
		" NetworkConfig.EnableInterContainerTrafficEncryption is off (an absent setting means off)",
	])
}
