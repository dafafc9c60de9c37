# METADATA
# title: SageMaker notebook instance is in an approved network
# description: |
#   A subnet is not enough: it must be one the organisation meant for notebooks. When
#   network.approved_subnet_ids or network.approved_vpc_ids is configured, the notebook's
#   subnet or its VPC must be listed. Whatever the configuration, a default subnet or a subnet
#   of the default VPC (public by construction) fails. Whether a subnet is a default one is
#   often not in the input (a subnet ID from elsewhere); that is unknown, except for a subnet
#   the configuration explicitly approves.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
#     description: Default VPCs
# schemas:
#   - input: schema.input
# custom:
#   id: SM107
#   severity: MEDIUM
#   checkov_not_mirrored: >-
#     needs the smguard config's network allow-lists and the subnet-to-VPC join, which a Checkov
#     resource check cannot see
#   resource: notebook_instance
#   remediation: >-
#     Place the notebook in a private subnet of an approved VPC and list that subnet or VPC in
#     network.approved_subnet_ids / network.approved_vpc_ids of the smguard config.
package smguard.rules.notebook.in_approved_network

import data.smguard.lib.config
import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some i, notebook in input.resources.notebook_instances
	finding := result.fail(_rule, notebook, "subnet_id", concat("; ", sort(_problems[i])))
}

# One unknown finding per notebook, and only when nothing is known to be wrong.
findings contains finding if {
	some i, notebook in input.resources.notebook_instances
	not _problems[i]
	finding := result.unknown(_rule, notebook, min(_undecided(notebook)))
}

_problems[i] contains "the subnet is a default subnet or belongs to the default VPC" if {
	some i, notebook in input.resources.notebook_instances
	value.present(notebook, "subnet_id")
	not "default_network" in notebook.meta.unknown
	not notebook.default_network == false
	not _approved(notebook)
}

_problems[i] contains "the subnet is a default subnet or belongs to the default VPC" if {
	some i, notebook in input.resources.notebook_instances
	notebook.default_network == true
}

_problems[i] contains "no subnet, so not in an approved network" if {
	some i, notebook in input.resources.notebook_instances
	config.network_restricted
	not value.present(notebook, "subnet_id")
}

_problems[i] contains "neither the subnet nor its VPC is in the approved network lists" if {
	some i, notebook in input.resources.notebook_instances
	config.network_restricted
	value.present(notebook, "subnet_id")
	not _approved(notebook)
	every attribute in _deciding_attributes {
		not attribute in notebook.meta.unknown
	}
}

# Values that would decide the verdict but cannot be known from the input.
_undecided(notebook) := {attribute |
	config.network_restricted
	value.present(notebook, "subnet_id")
	not _approved(notebook)
	some attribute in _deciding_attributes
	attribute in notebook.meta.unknown
} | {"default_network" |
	value.present(notebook, "subnet_id")
	"default_network" in notebook.meta.unknown
	not _approved(notebook)
}

_approved(notebook) if notebook.subnet_id in config.approved_subnet_ids

_approved(notebook) if notebook.vpc_id in config.approved_vpc_ids

_deciding_attributes contains "subnet_id" if count(config.approved_subnet_ids) > 0

_deciding_attributes contains "vpc_id" if count(config.approved_vpc_ids) > 0
