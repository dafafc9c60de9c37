package smguard.rules.monitoring.encrypted_with_kms_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.monitoring.encrypted_with_kms as rule

job(fields) := object.union(
	{
		"meta": {"id": "r", "location": "test", "unknown": [], "pending": []},
		"kind": "model_bias", "volume_kms_key_id": "arn:aws:kms:us-east-1:1:key/v",
		"output_kms_key_id": "arn:aws:kms:us-east-1:1:key/o",
	},
	fields,
)

test_fail_no_output_key_names_the_kinds_field if {
	some finding in rule.findings with input as {"resources": {"monitoring_jobs": [job({"output_kms_key_id": null})]}}
	finding.status == "fail"
	finding.attribute == "output_kms_key_id"
	finding.message == "the model bias job definition has no output KMS key (ModelBiasJobOutputConfig.KmsKeyId)"
}

test_fail_absent_volume_key if {
	doc := {"resources": {"monitoring_jobs": [job({"volume_kms_key_id": null})]}}
	inputs.verdicts(rule.findings) == {["SM704", "r", "fail"]} with input as doc
}

test_unknown_key if {
	unknown := job({"volume_kms_key_id": null, "meta": {"unknown": ["volume_kms_key_id"]}})
	doc := {"resources": {"monitoring_jobs": [unknown]}}
	inputs.verdicts(rule.findings) == {["SM704", "r", "unknown"]} with input as doc
}

test_pass_key_known_after_apply if {
	pending := job({
		"volume_kms_key_id": null,
		"meta": {"unknown": ["volume_kms_key_id"], "pending": ["volume_kms_key_id"]},
	})
	count(rule.findings) == 0 with input as {"resources": {"monitoring_jobs": [pending]}}
}

test_pass_both_keys if {
	count(rule.findings) == 0 with input as {"resources": {"monitoring_jobs": [job({})]}}
}
