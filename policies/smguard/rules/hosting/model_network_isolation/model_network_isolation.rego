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

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.models
	not resource.enable_network_isolation == true # the compliant majority stops here, before any call
	finding := result.verdict(
		_rule, resource, "enable_network_isolation",
		"network isolation is off (an absent setting means off)",
	)
}
