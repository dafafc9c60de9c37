# METADATA
# title: SageMaker notebook instance volume is encrypted with a customer KMS key
# description: |
#   Without kms_key_id the notebook's ML storage volume is encrypted with an AWS-managed key,
#   whose use the customer cannot restrict by key policy or revoke. A key created in the same
#   plan counts as configured.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html
#     description: Protect data at rest using encryption (notebook instances)
# schemas:
#   - input: schema.input
# custom:
#   id: SM105
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: notebook_instance
#   remediation: >-
#     Set kms_key_id (Terraform) or KmsKeyId (CloudFormation, CreateNotebookInstance) to a
#     customer managed KMS key.
#   equivalents:
#     checkov: [CKV_AWS_22, CKV_AWS_187]
#   compliance:
#     - control: SageMaker.21
package smguard.rules.notebook.volume_encrypted_with_cmk

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some notebook in input.resources.notebook_instances
	object.get(notebook, "kms_key_id", null) in value.unset # the compliant majority stops here, before any call
	not "kms_key_id" in notebook.meta.pending # set, to a value known only after apply
	finding := result.require(_rule, notebook, "kms_key_id", "no customer KMS key is configured")
}
