# METADATA
# title: SageMaker monitoring job encrypts inter-container traffic
# description: |
#   A monitoring job on more than one instance exchanges data between its containers; without
#   inter-container traffic encryption that traffic is in clear text. Absent means off.
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
#   id: SM702
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: monitoring_job
#   remediation: >-
#     Set network_config { enable_inter_container_traffic_encryption = true } (Terraform) or
#     NetworkConfig.EnableInterContainerTrafficEncryption (API, CloudFormation; in a schedule's
#     MonitoringJobDefinition).
#   compliance:
#     - control: SageMaker.9
#     - control: SageMaker.10
#     - control: SageMaker.13
#     - control: SageMaker.15
#     - control: SageMaker.22
package smguard.rules.monitoring.inter_container_encryption

import data.smguard.lib.jobs
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.monitoring_jobs
	not resource.enable_inter_container_traffic_encryption == true # the compliant majority stops here, before any call
	finding := result.verdict(
		_rule, resource, "enable_inter_container_traffic_encryption",
		jobs.message(
			"the %s does not encrypt inter-container traffic: %s is off (an absent setting means off)",
			resource.kind, "enable_inter_container_traffic_encryption",
		),
	)
}
