# METADATA
# title: SageMaker production variants run on more than one instance
# description: |
#   A production variant on one instance has no second to take its traffic when the instance
#   fails or is replaced, and AWS spreads instances across Availability Zones only when there
#   are two or more. Serverless variants (which scale on their own) and shadow variants (test
#   traffic) are not judged. Security Hub SageMaker.4.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/best-practice-endpoint-security.html
#     description: Best practices for endpoint security and health with Amazon SageMaker AI
# schemas:
#   - input: schema.input
# custom:
#   id: SM408
#   severity: LOW
#   checkov_mirror: true
#   resource: endpoint_config
#   remediation: >-
#     Set initial_instance_count to 2 or more on every production variant (Terraform
#     production_variants; InitialInstanceCount in CreateEndpointConfig), or make it serverless.
#   compliance:
#     - control: SageMaker.4
package smguard.rules.hosting.multiple_instances

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some config in input.resources.endpoint_configs
	names := _variants(config, 1)
	count(names) > 0
	finding := result.fail(
		_rule, config, "variants",
		sprintf("production variant %s runs on one instance", [concat(", ", sort(names))]),
	)
}

findings contains finding if {
	some config in input.resources.endpoint_configs
	count(_variants(config, 1)) == 0
	_undecided(config)
	finding := result.unknown(_rule, config, "variants")
}

_undecided(config) if value.undecided(config, "variants")

# A count is null when it cannot be known; a variant that is neither serverless nor counted is
# one whose count is known only at apply time.
_undecided(config) if count(_variants(config, null)) > 0

_variants(config, instances) := {_name(variant) |
	some variant in config.variants
	variant.shadow == false
	variant.serverless != true
	variant.initial_instance_count == instances
}

_name(variant) := variant.variant_name if variant.variant_name != null

_name(variant) := "(unnamed)" if variant.variant_name == null
