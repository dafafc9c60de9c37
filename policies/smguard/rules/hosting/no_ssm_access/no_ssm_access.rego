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

deny contains finding if {
	some config in input.resources.endpoint_configs
	names := {_name(variant) |
		some variant in config.variants
		not variant.enable_ssm_access == false
	}
	count(names) > 0
	finding := result.fail(
		rego.metadata.chain(), config, "variants",
		sprintf("SSM access is enabled (or not known to be off) on variant %s", [concat(", ", sort(names))]),
	)
}

_name(variant) := variant.variant_name if variant.variant_name != null

_name(variant) := "(unnamed)" if variant.variant_name == null
