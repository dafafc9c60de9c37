# METADATA
# title: SageMaker notebook instance has direct internet access disabled
# description: |
#   With direct internet access enabled (the AWS default), the notebook gets a network
#   interface in a SageMaker-managed VPC with a route to the internet, outside the customer's
#   VPC controls: data can leave and code can be pulled without passing any customer firewall,
#   proxy or VPC endpoint. An absent setting means Enabled.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html
#     description: Connect a notebook instance in a VPC to external resources
# schemas:
#   - input: schema.input
# custom:
#   id: SM101
#   severity: HIGH
#   checkov_mirror: true
#   resource: notebook_instance
#   remediation: >-
#     Set direct_internet_access = "Disabled" (Terraform) or DirectInternetAccess: Disabled
#     (CloudFormation, CreateNotebookInstance) together with a subnet and security groups, and
#     give the VPC the routes or VPC endpoints the notebook needs.
#   equivalents:
#     checkov: [CKV_AWS_122]
#   compliance:
#     - control: SageMaker.1
package smguard.rules.notebook.direct_internet_access_disabled

import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some notebook in input.resources.notebook_instances
	not notebook.direct_internet_access == false # the compliant majority stops here, before any call
	finding := result.verdict(
		_rule, notebook, "direct_internet_access",
		"direct internet access is enabled (an absent setting means Enabled)",
	)
}
