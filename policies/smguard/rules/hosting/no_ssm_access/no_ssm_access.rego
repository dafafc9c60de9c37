# METADATA
# title: SageMaker endpoint instances have no SSM access
# description: |
#   A production variant with SSM access enabled lets operators open sessions into the hosting
#   instances, a way in that bypasses the endpoint's network isolation and VPC controls.
# schemas:
#   - input: schema.input
# custom:
#   id: SM406
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: endpoint_config
#   remediation: >-
#     Remove enable_ssm_access from the production variants (EnableSSMAccess in
#     CreateEndpointConfig).
package smguard.rules.hosting.no_ssm_access

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some config in input.resources.endpoint_configs
	names := _variants(config, true)
	count(names) > 0
	finding := result.fail(
		_rule, config, "variants",
		sprintf("SSM access is enabled on variant %s", [concat(", ", sort(names))]),
	)
}

findings contains finding if {
	some config in input.resources.endpoint_configs
	count(_variants(config, true)) == 0
	_undecided(config)
	finding := result.unknown(_rule, config, "variants")
}

_undecided(config) if value.undecided(config, "variants")

# A variant's setting is null when it is known only at apply time (absent reads as false).
_undecided(config) if count(_variants(config, null)) > 0

_variants(config, setting) := {_name(variant) |
	some variant in config.variants
	variant.enable_ssm_access == setting
}

_name(variant) := variant.variant_name if variant.variant_name != null

_name(variant) := "(unnamed)" if variant.variant_name == null
