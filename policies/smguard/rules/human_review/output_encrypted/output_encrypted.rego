# METADATA
# title: SageMaker human review (A2I) output is encrypted with KMS
# description: |
#   An Augmented AI flow definition writes every human loop's input and the reviewers' answers
#   to S3: often the data a model was unsure of, and personal data. Without a KMS key of the
#   customer's the output is not under the customer's key policy. Flow definitions are read from
#   Terraform, API requests and live accounts; CloudFormation and the ACK controller have no
#   resource for them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/a2i-create-flow-definition.html
#     description: Create a human review workflow (Amazon Augmented AI)
# schemas:
#   - input: schema.input
# custom:
#   id: SM721
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: flow_definition
#   remediation: >-
#     Set output_config { kms_key_id } (Terraform) or OutputConfig.KmsKeyId (CreateFlowDefinition).
package smguard.rules.human_review.output_encrypted

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some flow in input.resources.flow_definitions
	object.get(flow, "output_kms_key_id", null) in value.unset # the compliant majority stops here, before any call
	not "output_kms_key_id" in flow.meta.pending # set, to a value known only after apply
	finding := result.require(
		_rule, flow, "output_kms_key_id",
		"the human review output has no KMS key (OutputConfig.KmsKeyId)",
	)
}
