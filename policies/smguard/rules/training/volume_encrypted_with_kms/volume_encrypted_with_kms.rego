# METADATA
# title: SageMaker job volumes are encrypted with KMS
# description: |
#   The ML storage volumes of training instances hold the training data and checkpoints;
#   without VolumeKmsKeyId they are encrypted with an AWS-managed key the customer cannot
#   restrict or revoke.
#   Judged on training, tuning (each training definition), processing and AutoML jobs, each named
#   in findings by its kind and the field it is read from.
# schemas:
#   - input: schema.input
# custom:
#   id: SM304
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: training_job
#   remediation: >-
#     Set resource_config { volume_kms_key_id } (Terraform) or ResourceConfig.VolumeKmsKeyId
#     (ProcessingResources.ClusterConfig.VolumeKmsKeyId for processing jobs).
package smguard.rules.training.volume_encrypted_with_kms

import data.smguard.lib.jobs
import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.training_jobs
	object.get(resource, "volume_kms_key_id", null) in value.unset # the compliant majority stops here, before any call
	not "volume_kms_key_id" in resource.meta.pending # set, to a value known only after apply
	not resource.kind in jobs.lacking.volume_kms_key_id
	finding := result.require(
		_rule, resource, "volume_kms_key_id",
		jobs.message("the %s has no volume KMS key (%s)", resource.kind, "volume_kms_key_id"),
	)
}
