# METADATA
# title: SageMaker notebook instance has root access disabled
# description: |
#   Users with root on a notebook instance can change its software, read the execution role's
#   credentials and switch off agents and network controls. AWS enables root access unless it
#   is explicitly Disabled. Lifecycle configurations still run as root either way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html
#     description: Control root access to a SageMaker notebook instance
# schemas:
#   - input: schema.input
# custom:
#   id: SM104
#   severity: HIGH
#   checkov_mirror: true
#   resource: notebook_instance
#   remediation: >-
#     Set root_access = "Disabled" (Terraform) or RootAccess: Disabled (CloudFormation,
#     CreateNotebookInstance / UpdateNotebookInstance).
#   equivalents:
#     checkov: [CKV_AWS_307]
#   compliance:
#     - control: SageMaker.3
package smguard.rules.notebook.root_access_disabled

import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some notebook in input.resources.notebook_instances
	not notebook.root_access == false # the compliant majority stops here, before any call
	finding := result.verdict(
		_rule, notebook, "root_access",
		"root access is enabled (an absent setting means Enabled)",
	)
}
