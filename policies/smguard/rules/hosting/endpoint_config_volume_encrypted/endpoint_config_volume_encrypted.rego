# METADATA
# title: SageMaker endpoint configuration volume is encrypted with KMS
# description: |
#   The storage volumes of the hosting instances hold the model artifacts; without kms_key_arn
#   they are encrypted with an AWS-managed key the customer cannot restrict or revoke.
# schemas:
#   - input: schema.input
# custom:
#   id: SM403
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: endpoint_config
#   remediation: >-
#     Set kms_key_arn on aws_sagemaker_endpoint_configuration (KmsKeyId in CreateEndpointConfig).
package smguard.rules.hosting.endpoint_config_volume_encrypted

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.endpoint_configs
	object.get(resource, "kms_key_arn", null) in value.unset # the compliant majority stops here, before any call
	not "kms_key_arn" in resource.meta.pending # set, to a value known only after apply
	finding := result.require(
		_rule, resource, "kms_key_arn",
		"no KMS key is configured for the endpoint's volumes",
	)
}
