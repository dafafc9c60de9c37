package smguard.rules.feature_store.online_store_encrypted_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.feature_store.online_store_encrypted as rule

doc(fields) := {"resources": {"feature_groups": [object.union(
	{
		"meta": {"id": "r", "location": "test", "unknown": [], "pending": []},
		"online_store": true, "online_storage_type": "Standard", "online_kms_key_id": "arn:aws:kms:us-east-1:1:key/k",
	},
	fields,
)]}}

test_fail_no_key if {
	some finding in rule.findings with input as doc({"online_kms_key_id": null})
	finding.status == "fail"
	finding.message == "the online store has no KMS key (OnlineStoreConfig.SecurityConfig.KmsKeyId)"
}

test_pass_online_store_off_the_default if {
	count(rule.findings) == 0 with input as doc({"online_store": false, "online_kms_key_id": null})
}

test_pass_in_memory_not_judged if {
	count(rule.findings) == 0 with input as doc({"online_storage_type": "InMemory", "online_kms_key_id": null})
}

test_unknown_whether_enabled if {
	unknown := doc({"online_store": null, "online_kms_key_id": null, "meta": {"unknown": ["online_store"]}})
	inputs.verdicts(rule.findings) == {["SM712", "r", "unknown"]} with input as unknown
}

test_unknown_storage_type if {
	unknown := doc({
		"online_storage_type": null, "online_kms_key_id": null,
		"meta": {"unknown": ["online_storage_type"]},
	})
	inputs.verdicts(rule.findings) == {["SM712", "r", "unknown"]} with input as unknown
}

test_pass_key_whatever_is_unknown if {
	count(rule.findings) == 0 with input as doc({"online_store": null, "meta": {"unknown": ["online_store"]}})
}
