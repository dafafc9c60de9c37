package smguard.rules.human_review.output_encrypted_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.human_review.output_encrypted as rule

doc(fields) := {"resources": {"flow_definitions": [object.union(
	{"meta": {"id": "r", "location": "test", "unknown": [], "pending": []}, "output_kms_key_id": "k"},
	fields,
)]}}

test_fail_absent_key if {
	inputs.verdicts(rule.findings) == {["SM721", "r", "fail"]} with input as doc({"output_kms_key_id": null})
}

test_unknown_key if {
	unknown := doc({"output_kms_key_id": null, "meta": {"unknown": ["output_kms_key_id"]}})
	inputs.verdicts(rule.findings) == {["SM721", "r", "unknown"]} with input as unknown
}

test_pass_key_known_after_apply if {
	pending := doc({
		"output_kms_key_id": null,
		"meta": {"unknown": ["output_kms_key_id"], "pending": ["output_kms_key_id"]},
	})
	count(rule.findings) == 0 with input as pending
}

test_pass_key if {
	count(rule.findings) == 0 with input as doc({})
}
