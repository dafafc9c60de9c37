# METADATA
# title: SageMaker training, tuning and processing jobs run with network isolation
# description: |
#   Network isolation takes all network access from the training containers (SageMaker still
#   fetches input and writes output): untrusted algorithms and compromised dependencies cannot
#   call out. Absent means off. AutoML jobs have no such setting and are not judged.
# schemas:
#   - input: schema.input
# custom:
#   id: SM302
#   severity: HIGH
#   checkov_mirror: true
#   resource: training_job
#   remediation: >-
#     Set enable_network_isolation = true (Terraform) or EnableNetworkIsolation: true (API,
#     pipeline step, Step Functions task; NetworkConfig for processing jobs).
package smguard.rules.training.network_isolation

import data.smguard.lib.jobs
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.training_jobs
	not resource.enable_network_isolation == true # the compliant majority stops here, before any call
	not resource.kind in jobs.lacking.enable_network_isolation
	finding := result.verdict(
		_rule, resource, "enable_network_isolation",
		jobs.message(
			"the %s runs without network isolation: %s is off (an absent setting means off)",
			resource.kind, "enable_network_isolation",
		),
	)
}
