# METADATA
# title: SageMaker endpoint serves only models in the VPC with network isolation
# description: |
#   An endpoint is what clients call; whether it is safe depends on the models behind it. The
#   endpoint is followed to its endpoint configuration and from every production and shadow
#   variant to its model, which must run in the customer VPC (SM401) with network isolation
#   (SM402). When the chain leaves the input (a configuration or model not in the plan) the
#   verdict is unknown.
# schemas:
#   - input: schema.input
# custom:
#   id: SM405
#   severity: HIGH
#   checkov_not_mirrored: >-
#     a two-hop join (endpoint, endpoint configuration, model) that Checkov's YAML connection
#     checks, one hop per condition, cannot express
#   resource: endpoint
#   remediation: >-
#     Give every model the endpoint serves a vpc_config and enable_network_isolation = true, or
#     point the endpoint at a configuration whose variants use such models.
package smguard.rules.hosting.endpoint_serves_compliant_models

import data.smguard.lib.group
import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

# Joins by input file (or AWS region) and ID, built once: no nested iteration over resources,
# and two plans of the same code (dev and prod) never join across. Grouped, not rules: OPA would
# evaluate a rule's body again for every lookup. An ID that two resources share joins nothing
# (meta.input_readable reports it).
_configs := group.by_key([[[config.meta.location, config.meta.id], config] |
	some config in input.resources.endpoint_configs
])

_models := group.by_key([[[model.meta.location, model.meta.id], model] | some model in input.resources.models])

_config(endpoint) := group.only(_configs, [endpoint.meta.location, endpoint.endpoint_config])

_model(endpoint, variant) := group.only(_models, [endpoint.meta.location, variant.model])

findings contains finding if {
	some endpoint in input.resources.endpoints
	failing := {model.meta.id |
		some model in _served(endpoint)
		_non_compliant(model)
	}
	count(failing) > 0
	finding := result.fail(
		_rule, endpoint, "endpoint_config",
		concat("", ["serves models without VPC or network isolation: ", concat(", ", sort(failing))]),
	)
}

findings contains finding if {
	some endpoint in input.resources.endpoints
	not _fails(endpoint)
	_undecided(endpoint)
	finding := result.unknown(_rule, endpoint, "endpoint_config")
}

_fails(endpoint) if {
	some model in _served(endpoint)
	_non_compliant(model)
}

_served(endpoint) := {_model(endpoint, variant) |
	some variant in _config(endpoint).variants
	variant.model != null
}

# The chain leaves the input, or a model's deciding value is not known.
_undecided(endpoint) if not _config(endpoint)

_undecided(endpoint) if "variants" in _config(endpoint).meta.unknown

_undecided(endpoint) if {
	some variant in _config(endpoint).variants
	not _model(endpoint, variant)
}

_undecided(endpoint) if {
	some model in _served(endpoint)
	_unknown_fact(model)
}

_unknown_fact(model) if "enable_network_isolation" in model.meta.unknown

_unknown_fact(model) if value.undecided(model, "subnets")

_unknown_fact(model) if value.undecided(model, "security_group_ids")

# Known to fail SM401 or SM402 (a missing attribute counts: fail closed).
_non_compliant(model) if {
	some attribute in ["subnets", "security_group_ids"]
	not value.present(model, attribute)
	not value.undecided(model, attribute)
}

_non_compliant(model) if {
	not "enable_network_isolation" in model.meta.unknown
	not model.enable_network_isolation == true
}
