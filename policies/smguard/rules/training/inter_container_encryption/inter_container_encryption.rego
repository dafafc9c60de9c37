# METADATA
# title: SageMaker jobs encrypt inter-container traffic
# description: |
#   Distributed training exchanges gradients and data between instances; without inter-container
#   traffic encryption that traffic crosses the network in clear text. Absent means off.
#   Judged on training, tuning (each training definition), processing and AutoML jobs, each named
#   in findings by its kind and the field it is read from.
# schemas:
#   - input: schema.input
# custom:
#   id: SM303
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: training_job
#   remediation: >-
#     Set enable_inter_container_traffic_encryption = true (Terraform) or
#     EnableInterContainerTrafficEncryption: true (API; NetworkConfig for processing jobs).
package smguard.rules.training.inter_container_encryption

import data.smguard.lib.jobs
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.training_jobs
	not resource.enable_inter_container_traffic_encryption == true # the compliant majority stops here, before any call
	not resource.kind in jobs.lacking.enable_inter_container_traffic_encryption
	finding := result.verdict(
		_rule, resource, "enable_inter_container_traffic_encryption",
		jobs.message(
			"the %s does not encrypt inter-container traffic: %s is off (an absent setting means off)",
			resource.kind, "enable_inter_container_traffic_encryption",
		),
	)
}
