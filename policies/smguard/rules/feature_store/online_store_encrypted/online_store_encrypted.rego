# METADATA
# title: SageMaker feature group online store is encrypted with a customer KMS key
# description: |
#   An enabled online store serves the latest value of every feature at low latency. Without a
#   KMS key of the customer's it is encrypted with a key outside the customer's key policy.
#   Judged as Security Hub judges it: online stores with Standard storage (the default); an
#   InMemory online store, and a feature group whose online store is off (the default), are not.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-security.html
#     description: Security and access control in Amazon SageMaker Feature Store
# schemas:
#   - input: schema.input
# custom:
#   id: SM712
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: feature_group
#   remediation: >-
#     Set online_store_config { security_config { kms_key_id } } (Terraform) or
#     OnlineStoreConfig.SecurityConfig.KmsKeyId (API, CloudFormation).
#   compliance:
#     - control: SageMaker.18
package smguard.rules.feature_store.online_store_encrypted

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some group in input.resources.feature_groups
	object.get(group, "online_kms_key_id", null) in value.unset # the compliant majority stops here, before any call
	not "online_kms_key_id" in group.meta.pending # set, to a value known only after apply
	group.online_store == true
	group.online_storage_type == "Standard"
	finding := result.require(
		_rule, group, "online_kms_key_id",
		"the online store has no KMS key (OnlineStoreConfig.SecurityConfig.KmsKeyId)",
	)
}

# Whether the store is on, or which storage it has, cannot be known: unknown unless a key is set.
findings contains finding if {
	some group in input.resources.feature_groups
	some attribute in ["online_store", "online_storage_type"]
	attribute in group.meta.unknown
	group.online_store != false
	group.online_storage_type != "InMemory"
	not value.present(group, "online_kms_key_id")
	finding := result.unknown(_rule, group, attribute)
}
