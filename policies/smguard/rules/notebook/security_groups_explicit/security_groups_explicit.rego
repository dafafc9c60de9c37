# METADATA
# title: SageMaker notebook instance has explicit security groups
# description: |
#   The security groups decide what the notebook's network interface can reach inside the VPC.
#   Left unset, the provider computes them (the VPC's default group when a subnet is given),
#   which is rarely a group anyone designed for the notebook. In a plan, security_groups always
#   appears as "known after apply" when not configured, so the configuration, not the planned
#   value, decides.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html
#     description: CreateNotebookInstance (SecurityGroupIds)
# schemas:
#   - input: schema.input
# custom:
#   id: SM103
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: notebook_instance
#   remediation: >-
#     Set security_groups (Terraform) or SecurityGroupIds (CloudFormation,
#     CreateNotebookInstance) to groups made for the notebook, allowing only the egress it needs.
package smguard.rules.notebook.security_groups_explicit

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some notebook in input.resources.notebook_instances
	object.get(notebook, "security_groups", null) in value.unset # the compliant majority stops here, before any call
	not "security_groups" in notebook.meta.pending # set, to a value known only after apply
	finding := result.require(_rule, notebook, "security_groups", "no security group is configured")
}
