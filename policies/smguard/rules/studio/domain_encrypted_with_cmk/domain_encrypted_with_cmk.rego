# METADATA
# title: SageMaker Studio domain storage is encrypted with a customer KMS key
# description: |
#   The domain's EFS home directories hold users' notebooks and data; without kms_key_id they
#   are encrypted with an AWS-managed key the customer cannot restrict or revoke.
# schemas:
#   - input: schema.input
# custom:
#   id: SM602
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: domain
#   remediation: >-
#     Set kms_key_id on aws_sagemaker_domain (KmsKeyId in CreateDomain).
package smguard.rules.studio.domain_encrypted_with_cmk

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.domains
	object.get(resource, "kms_key_id", null) in value.unset # the compliant majority stops here, before any call
	not "kms_key_id" in resource.meta.pending # set, to a value known only after apply
	finding := result.require(_rule, resource, "kms_key_id", "no customer KMS key is configured")
}
