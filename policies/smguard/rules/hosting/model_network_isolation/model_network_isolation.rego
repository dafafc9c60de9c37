# METADATA
# title: SageMaker model runs with network isolation
# description: |
#   With network isolation the inference containers cannot make outbound calls, so a
#   compromised model or dependency cannot exfiltrate requests or pull code. Absent means off.
# schemas:
#   - input: schema.input
# custom:
#   id: SM402
#   severity: HIGH
#   checkov_mirror: true
#   resource: model
#   remediation: >-
#     Set enable_network_isolation = true on aws_sagemaker_model (EnableNetworkIsolation in CreateModel).
#   compliance:
#     - control: SageMaker.5
package smguard.rules.hosting.model_network_isolation

import data.smguard.lib.result

findings contains finding if {
	some resource in input.resources.models
	finding := result.decide(
		rego.metadata.chain(), resource, "enable_network_isolation", _compliant(resource),
		"network isolation is off (an absent setting means off)",
	)
}

default _compliant(_) := false

_compliant(resource) if resource.enable_network_isolation == true
