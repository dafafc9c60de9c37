# METADATA
# title: SageMaker notebook instance is in an approved network
# description: |
#   A subnet is not enough: it must be one the organisation meant for notebooks. When
#   network.approved_subnet_ids or network.approved_vpc_ids is configured, the notebook's
#   subnet or its VPC must be listed. Whatever the configuration, a default subnet or a subnet
#   of the default VPC (public by construction) fails unless it is explicitly approved.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
#     description: Default VPCs
# schemas:
#   - input: schema.input
# custom:
#   id: SM107
#   severity: MEDIUM
#   resource: notebook_instance
#   remediation: >-
#     Place the notebook in a private subnet of an approved VPC and list that subnet or VPC in
#     network.approved_subnet_ids / network.approved_vpc_ids of the smguard config.
package smguard.rules.notebook.in_approved_network

import data.smguard.lib.config
import data.smguard.lib.result
import data.smguard.lib.value

deny contains finding if {
	some notebook in input.resources.notebook_instances
	finding := _verdict(rego.metadata.chain(), notebook)
}

# With allow-lists: listed subnet or VPC passes; an unknown deciding value is unknown.
_verdict(chain, notebook) := result.fail(chain, notebook, "subnet_id", "no subnet, so not in an approved network") if {
	config.network_restricted
	not value.present(notebook, "subnet_id")
}

_verdict(chain, notebook) := result.unknown(chain, notebook, attribute) if {
	config.network_restricted
	value.present(notebook, "subnet_id")
	not _approved(notebook)
	some attribute in _deciding_attributes
	value.unknown(notebook, attribute)
}

_verdict(chain, notebook) := result.fail(
	chain, notebook, "subnet_id",
	"the subnet is not in network.approved_subnet_ids and its VPC is not in network.approved_vpc_ids",
) if {
	config.network_restricted
	value.present(notebook, "subnet_id")
	not _approved(notebook)
	every attribute in _deciding_attributes {
		not value.unknown(notebook, attribute)
	}
}

# Without allow-lists: only the default network is known to be wrong.
_verdict(chain, notebook) := result.decide(
	chain, notebook, "default_network", _outside_default_network(notebook),
	"the subnet is a default subnet or belongs to the default VPC",
) if {
	not config.network_restricted
	value.present(notebook, "subnet_id")
}

default _outside_default_network(_) := false

_outside_default_network(notebook) if notebook.default_network == false

_approved(notebook) if notebook.subnet_id in config.approved_subnet_ids

_approved(notebook) if notebook.vpc_id in config.approved_vpc_ids

_deciding_attributes contains "subnet_id" if count(config.approved_subnet_ids) > 0

_deciding_attributes contains "vpc_id" if count(config.approved_vpc_ids) > 0
