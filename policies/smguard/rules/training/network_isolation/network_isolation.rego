# METADATA
# title: SageMaker training job runs with network isolation
# description: |
#   Network isolation takes all network access from the training containers (SageMaker still
#   fetches input and writes output): untrusted algorithms and compromised dependencies cannot
#   call out. Absent means off.
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

import data.smguard.lib.result

findings contains finding if {
	some resource in input.resources.training_jobs
	finding := result.decide(
		rego.metadata.chain(), resource, "enable_network_isolation", _compliant(resource),
		"network isolation is off (an absent setting means off)",
	)
}

default _compliant(_) := false

_compliant(resource) if resource.enable_network_isolation == true
