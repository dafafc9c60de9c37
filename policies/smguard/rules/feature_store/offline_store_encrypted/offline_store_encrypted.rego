# METADATA
# title: SageMaker feature group offline store is encrypted with a customer KMS key
# description: |
#   A feature group's offline store keeps every feature record ever written, in S3. Without a
#   KMS key of the customer's it is encrypted with a key outside the customer's key policy.
#   A feature group without an offline store is not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-security.html
#     description: Security and access control in Amazon SageMaker Feature Store
# schemas:
#   - input: schema.input
# custom:
#   id: SM711
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: feature_group
#   remediation: >-
#     Set offline_store_config { s3_storage_config { kms_key_id } } (Terraform) or
#     OfflineStoreConfig.S3StorageConfig.KmsKeyId (API, CloudFormation).
#   compliance:
#     - control: SageMaker.17
package smguard.rules.feature_store.offline_store_encrypted

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some group in input.resources.feature_groups
	object.get(group, "offline_kms_key_id", null) in value.unset # the compliant majority stops here, before any call
	not "offline_kms_key_id" in group.meta.pending # set, to a value known only after apply
	_offline(group)
	finding := result.require(
		_rule, group, "offline_kms_key_id",
		"the offline store has no KMS key (OfflineStoreConfig.S3StorageConfig.KmsKeyId)",
	)
}

findings contains finding if {
	some group in input.resources.feature_groups
	value.undecided(group, "offline_store")
	not value.present(group, "offline_kms_key_id")
	finding := result.unknown(_rule, group, "offline_store")
}

_offline(group) if group.offline_store == true

_offline(group) if "offline_store" in group.meta.pending
