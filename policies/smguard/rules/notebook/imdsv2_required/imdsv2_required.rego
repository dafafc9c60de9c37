# METADATA
# title: SageMaker notebook instance allows only IMDSv2
# description: |
#   IMDSv1 answers any request that reaches the metadata endpoint, so a server-side request
#   forgery in notebook code can read the execution role's credentials. Requiring version 2
#   (session tokens) closes that path. An absent setting fails.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-imds.html
#     description: Configure the instance metadata service for notebook instances
# schemas:
#   - input: schema.input
# custom:
#   id: SM106
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: notebook_instance
#   remediation: >-
#     Set instance_metadata_service_configuration { minimum_instance_metadata_service_version =
#     "2" } (Terraform) or InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion: "2".
#   equivalents:
#     checkov: [CKV_AWS_371]
package smguard.rules.notebook.imdsv2_required

import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some notebook in input.resources.notebook_instances
	not notebook.minimum_instance_metadata_service_version == "2" # the compliant majority stops here, before any call
	finding := result.verdict(
		_rule, notebook, "minimum_instance_metadata_service_version",
		"IMDSv1 is allowed (the minimum metadata service version is not 2)",
	)
}
