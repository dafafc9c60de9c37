package smguard.rules.monitoring.network_isolation_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.monitoring.network_isolation as rule

attribute := "enable_network_isolation"

doc(fields) := {"resources": {"monitoring_jobs": [object.union(
	{"meta": {"id": "r", "location": "test", "unknown": [], "pending": []}, "kind": "model_quality"},
	fields,
)]}}

test_fail_insecure_value if {
	inputs.verdicts(rule.findings) == {["SM701", "r", "fail"]} with input as doc({attribute: false})
}

test_fail_absent_means_the_default if {
	inputs.verdicts(rule.findings) == {["SM701", "r", "fail"]} with input as doc({attribute: null})
}

test_unknown_value if {
	unknown := doc({attribute: null, "meta": {"unknown": [attribute]}})
	inputs.verdicts(rule.findings) == {["SM701", "r", "unknown"]} with input as unknown
}

test_pass_secure_value if {
	count(rule.findings) == 0 with input as doc({attribute: true})
}

test_message_names_the_kind_and_field if {
	some finding in rule.findings with input as doc({attribute: false})
	finding.message == concat("", [
		"the model quality job definition runs without network isolation:",
		" NetworkConfig.EnableNetworkIsolation is off (an absent setting means off)",
	])
}
