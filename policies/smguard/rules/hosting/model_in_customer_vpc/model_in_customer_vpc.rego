# METADATA
# title: SageMaker model runs in the customer VPC
# description: |
#   Without a VpcConfig, inference containers run in a SageMaker-managed VPC with internet
#   access, outside the customer's VPC controls. A VpcConfig needs both subnets and security
#   groups.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/host-vpc.html
#     description: Give SageMaker hosted endpoints access to resources in your Amazon VPC
# schemas:
#   - input: schema.input
# custom:
#   id: SM401
#   severity: HIGH
#   checkov_mirror: true
#   resource: model
#   remediation: >-
#     Set vpc_config { subnets, security_group_ids } on aws_sagemaker_model (VpcConfig in
#     CreateModel).
package smguard.rules.hosting.model_in_customer_vpc

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

_messages := {
	"subnets": "no VpcConfig subnets: the model runs in a SageMaker-managed VPC",
	"security_group_ids": "VpcConfig has no security groups",
}

findings contains finding if {
	some model in input.resources.models
	unset := [attribute |
		some attribute in ["subnets", "security_group_ids"]
		object.get(model, attribute, null) in value.unset # the compliant majority stops here
		not attribute in model.meta.pending # set, to a value known only after apply
	]
	unset != []
	attribute := result.reported(model, unset)
	finding := result.require(_rule, model, attribute, _messages[attribute])
}
