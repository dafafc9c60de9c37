# METADATA
# title: SageMaker notebook instance is attached to a customer VPC subnet
# description: |
#   Without a subnet the notebook's only network path is the SageMaker-managed one; with a
#   subnet its elastic network interface sits in the customer's VPC, where security groups,
#   route tables, NACLs and VPC endpoints apply. A subnet that is created in the same plan
#   counts as attached.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html
#     description: Connect a notebook instance in a VPC to external resources
# schemas:
#   - input: schema.input
# custom:
#   id: SM102
#   severity: HIGH
#   checkov_mirror: true
#   resource: notebook_instance
#   remediation: >-
#     Set subnet_id (Terraform) or SubnetId (CloudFormation, CreateNotebookInstance) to a
#     private subnet of the customer's VPC, with security_groups.
#   equivalents:
#     checkov: [CKV_AWS_306]
#   compliance:
#     - control: SageMaker.2
package smguard.rules.notebook.in_customer_subnet

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some notebook in input.resources.notebook_instances
	object.get(notebook, "subnet_id", null) in value.unset # the compliant majority stops here, before any call
	not "subnet_id" in notebook.meta.pending # set, to a value known only after apply
	finding := result.require(_rule, notebook, "subnet_id", "no subnet is configured")
}
