package smguard.rules.training.volume_encrypted_with_kms_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.training.volume_encrypted_with_kms as rule

test_fail_no_key if {
	inputs.verdicts(rule.findings) == {["SM304", "job", "fail"]} with input as inputs.job({"volume_kms_key_id": null})
}

test_unknown_key if {
	inputs.verdicts(rule.findings) == {["SM304", "job", "unknown"]} with input as inputs.job_unknown("volume_kms_key_id")
}

test_pass_key_created_in_same_plan if {
	doc := inputs.job({
		"volume_kms_key_id": null,
		"meta": {"unknown": ["volume_kms_key_id"], "pending": ["volume_kms_key_id"]},
	})
	count(rule.findings) == 0 with input as doc
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as inputs.job({})
}
