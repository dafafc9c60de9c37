# METADATA
# title: SageMaker monitoring job runs in the customer VPC
# description: |
#   Without a VpcConfig, a monitoring job runs in a SageMaker-managed VPC with internet access,
#   outside the customer's network controls. A VpcConfig needs both subnets and security groups.
#   Covers the four kinds of Model Monitor job definition (data quality, model quality, model
#   bias, model explainability) and monitoring schedules with an inline job definition (a
#   schedule that names a job definition runs that one, judged where it is defined), in
#   CloudFormation, API requests, ACK manifests and live accounts. Terraform's AWS provider has
#   a resource for data quality job definitions only, and its monitoring schedule names one.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor.html
#     description: Data and model quality monitoring with Amazon SageMaker Model Monitor
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html
#     description: Security Hub controls for Amazon SageMaker AI
# schemas:
#   - input: schema.input
# custom:
#   id: SM703
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: monitoring_job
#   remediation: >-
#     Set network_config { vpc_config { subnets, security_group_ids } } (Terraform) or
#     NetworkConfig.VpcConfig (API, CloudFormation; in a schedule's MonitoringJobDefinition).
package smguard.rules.monitoring.in_customer_vpc

import data.smguard.lib.jobs
import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

_templates := {
	"subnets": "the %s has no %s: it runs in a SageMaker-managed VPC",
	"security_group_ids": "the %s has no %s",
}

findings contains finding if {
	some job in input.resources.monitoring_jobs
	unset := [attribute |
		some attribute in ["subnets", "security_group_ids"]
		object.get(job, attribute, null) in value.unset # the compliant majority stops here
		not attribute in job.meta.pending # set, to a value known only after apply
	]
	unset != []
	attribute := result.reported(job, unset)
	finding := result.require(_rule, job, attribute, jobs.message(_templates[attribute], job.kind, attribute))
}
