# METADATA
# title: SageMaker monitoring job volumes and outputs are encrypted with KMS
# description: |
#   A monitoring job stores captured inference data on its instances' volumes and writes
#   reports and violations to S3. Without a KMS key of the customer's, neither is under the
#   customer's key policy. Both keys are required.
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
#   id: SM704
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: monitoring_job
#   remediation: >-
#     Set job_resources { cluster_config { volume_kms_key_id } } and
#     data_quality_job_output_config { kms_key_id } (Terraform), or
#     JobResources.ClusterConfig.VolumeKmsKeyId and the output configuration's KmsKeyId (API,
#     CloudFormation; MonitoringResources and MonitoringOutputConfig in a schedule).
package smguard.rules.monitoring.encrypted_with_kms

import data.smguard.lib.jobs
import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

_templates := {
	"volume_kms_key_id": "the %s has no volume KMS key (%s)",
	"output_kms_key_id": "the %s has no output KMS key (%s)",
}

findings contains finding if {
	some job in input.resources.monitoring_jobs
	unset := [attribute |
		some attribute in ["volume_kms_key_id", "output_kms_key_id"]
		object.get(job, attribute, null) in value.unset # the compliant majority stops here
		not attribute in job.meta.pending # set, to a value known only after apply
	]
	unset != []
	attribute := result.reported(job, unset)
	finding := result.require(_rule, job, attribute, jobs.message(_templates[attribute], job.kind, attribute))
}
