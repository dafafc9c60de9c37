# METADATA
# title: SageMaker monitoring job runs with network isolation
# description: |
#   A monitoring job's container reads the captured data of an endpoint and writes reports to
#   S3; without network isolation it can also make any outbound call, so data can leave and
#   code can be pulled in. Absent means off.
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
#   id: SM701
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: monitoring_job
#   remediation: >-
#     Set network_config { enable_network_isolation = true } (Terraform) or
#     NetworkConfig.EnableNetworkIsolation (API, CloudFormation; in a schedule's
#     MonitoringJobDefinition).
#   compliance:
#     - control: SageMaker.11
#     - control: SageMaker.12
#     - control: SageMaker.14
#     - control: SageMaker.20
#     - control: SageMaker.25
package smguard.rules.monitoring.network_isolation

import data.smguard.lib.jobs
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.monitoring_jobs
	not resource.enable_network_isolation == true # the compliant majority stops here, before any call
	finding := result.verdict(
		_rule, resource, "enable_network_isolation",
		jobs.message(
			"the %s runs without network isolation: %s is off (an absent setting means off)",
			resource.kind, "enable_network_isolation",
		),
	)
}
