package smguard.rules.feature_store.offline_store_encrypted_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.feature_store.offline_store_encrypted as rule

doc(fields) := {"resources": {"feature_groups": [object.union(
	{
		"meta": {"id": "r", "location": "test", "unknown": [], "pending": []},
		"offline_store": true, "offline_kms_key_id": "arn:aws:kms:us-east-1:1:key/k",
	},
	fields,
)]}}

test_fail_no_key if {
	some finding in rule.findings with input as doc({"offline_kms_key_id": null})
	finding.status == "fail"
	finding.message == "the offline store has no KMS key (OfflineStoreConfig.S3StorageConfig.KmsKeyId)"
}

test_pass_no_offline_store if {
	count(rule.findings) == 0 with input as doc({"offline_store": false, "offline_kms_key_id": null})
}

test_unknown_key if {
	unknown := doc({"offline_kms_key_id": null, "meta": {"unknown": ["offline_kms_key_id"]}})
	inputs.verdicts(rule.findings) == {["SM711", "r", "unknown"]} with input as unknown
}

test_unknown_whether_there_is_a_store if {
	unknown := doc({"offline_store": null, "offline_kms_key_id": null, "meta": {"unknown": ["offline_store"]}})
	inputs.verdicts(rule.findings) == {["SM711", "r", "unknown"]} with input as unknown
}

test_fail_store_known_after_apply_without_key if {
	pending := doc({
		"offline_store": null, "offline_kms_key_id": null,
		"meta": {"unknown": ["offline_store"], "pending": ["offline_store"]},
	})
	inputs.verdicts(rule.findings) == {["SM711", "r", "fail"]} with input as pending
}

test_pass_key if {
	count(rule.findings) == 0 with input as doc({})
}
