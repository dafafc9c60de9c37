package smguard.rules.hosting.captured_output_encrypted_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.hosting.captured_output_encrypted as rule

configs(overrides) := {"resources": {"endpoint_configs": [object.union(inputs.hardened_config, overrides)]}}

test_fail_capture_without_key if {
	verdicts := inputs.verdicts(rule.findings) with input as configs({"data_capture_kms_key_id": null})
	verdicts == {["SM404", "config", "fail"]}
}

test_fail_async_output_without_key if {
	doc := configs({"async_inference_enabled": true, "async_output_kms_key_id": null})
	inputs.verdicts(rule.findings) == {["SM404", "config", "fail"]} with input as doc
}

test_pass_no_capture_no_async if {
	doc := configs({"data_capture_enabled": false, "data_capture_kms_key_id": null})
	count(rule.findings) == 0 with input as doc
}

test_unknown_whether_configured if {
	doc := configs({
		"data_capture_enabled": null, "data_capture_kms_key_id": null,
		"meta": {"unknown": ["data_capture_enabled"]},
	})
	inputs.verdicts(rule.findings) == {["SM404", "config", "unknown"]} with input as doc
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as configs({})
}

test_fail_async_output_without_key_beside_an_unknown_capture_key if {
	doc := configs({
		"async_inference_enabled": true, "async_output_kms_key_id": null,
		"data_capture_kms_key_id": null, "meta": {"unknown": ["data_capture_kms_key_id"]},
	})
	inputs.verdicts(rule.findings) == {["SM404", "config", "fail"]} with input as doc
}
