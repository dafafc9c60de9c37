# METADATA
# title: SageMaker job output is encrypted with KMS
# description: |
#   Model artifacts and output written to S3 without an output KMS key are encrypted only with
#   the bucket's default, which may be SSE-S3 and readable by anyone the bucket allows.
#   Judged on training, tuning (each training definition), processing and AutoML jobs, each named
#   in findings by its kind and the field it is read from.
# schemas:
#   - input: schema.input
# custom:
#   id: SM305
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: training_job
#   remediation: >-
#     Set output_data_config { kms_key_id } (Terraform) or OutputDataConfig.KmsKeyId
#     (ProcessingOutputConfig.KmsKeyId for processing jobs).
package smguard.rules.training.output_encrypted_with_kms

import data.smguard.lib.jobs
import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.training_jobs
	object.get(resource, "output_kms_key_id", null) in value.unset # the compliant majority stops here, before any call
	not "output_kms_key_id" in resource.meta.pending # set, to a value known only after apply
	not resource.kind in jobs.lacking.output_kms_key_id
	finding := result.require(
		_rule, resource, "output_kms_key_id",
		jobs.message("the %s has no output KMS key (%s)", resource.kind, "output_kms_key_id"),
	)
}
