# METADATA
# title: Workload VPC has the SageMaker interface endpoints it needs
# description: |
#   A notebook, training job or model placed in a VPC still calls the SageMaker API and runtime;
#   without interface endpoints for sagemaker.api and sagemaker.runtime (and the notebook
#   endpoint for notebooks) those calls need a route to the internet, which the secure pattern
#   removes. Judged per VPC, only where the VPC of the workload is known from the input; when
#   the input does not list all of that VPC's endpoints (e.g. a VPC read by a data source) the
#   verdict is unknown.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html
#     description: Connect to SageMaker through a VPC interface endpoint
# schemas:
#   - input: schema.input
# custom:
#   id: SM504
#   severity: MEDIUM
#   checkov_not_mirrored: >-
#     compares the set of endpoints of a VPC with the workloads in it; Checkov checks judge one
#     resource at a time
#   resource: vpc
#   remediation: >-
#     Create interface endpoints com.amazonaws.<region>.sagemaker.api and .sagemaker.runtime
#     (and aws.sagemaker.<region>.notebook for notebooks) in the workload VPC, with private DNS.
package smguard.rules.network.workload_vpc_endpoints

import data.smguard.lib.group
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

# Everything is keyed by [input file (or AWS region), VPC key]: two plans of the same code (dev
# and prod) name the same VPC and must not lend each other endpoints.

# Workloads by VPC, grouped per kind and then joined: each list arrives in its input's order
# (by address in a plan), nearly sorted by VPC, where OPA's Wasm runtime sorts fast; the three
# lists one after the other would make its insertion sort quadratic.
_workloads[key] := union({object.get(groups, [key], set()) | some groups in _by_kind}) if {
	some groups in _by_kind
	some key, _ in groups
}

_by_kind[kind] := group.by_key([[[workload.meta.location, workload.vpc_key], {"kind": kind, "meta": workload.meta}] |
	some workload in listed
	workload.vpc_key != null
]) if {
	some kind, list in {"notebook": "notebook_instances", "training": "training_jobs", "model": "models"}
	listed := input.resources[list]
	listed != [] # no group to build: most kinds of an admission request
}

_required(workloads) := {"api", "runtime"} | {"notebook" |
	some workload in workloads
	workload.kind == "notebook"
}

# Interface endpoints by VPC; the FIPS runtime endpoint serves as the runtime endpoint.
_present := group.by_key([[[endpoint.meta.location, endpoint.vpc_key], _service(endpoint)] |
	some endpoint in input.resources.vpc_endpoints
	endpoint.endpoint_type == "Interface"
	endpoint.sagemaker_service != null
	endpoint.vpc_key != null
])

_service(endpoint) := "runtime" if endpoint.sagemaker_service == "runtime-fips"

_service(endpoint) := endpoint.sagemaker_service if endpoint.sagemaker_service != "runtime-fips"

# Grouped, not a rule: OPA would evaluate a rule's body again for every _vpcs[key] lookup.
_vpcs := group.by_key([[[vpc.meta.location, vpc.vpc_key], vpc] | some vpc in input.resources.vpcs])

# Services of endpoints whose VPC cannot be known, by input file.
_endpoints_of_unknown_vpcs := group.by_key([[endpoint.meta.location, endpoint.sagemaker_service] |
	some endpoint in input.resources.vpc_endpoints
	endpoint.sagemaker_service != null
	endpoint.vpc_key == null
])

findings contains finding if {
	some key, workloads in _workloads
	missing := _required(workloads) - object.get(_present, [key], set()) # [key]: an array alone is a path
	count(missing) > 0
	finding := _verdict(_rule, key, workloads, missing)
}

_verdict(chain, [location, vpc_key], workloads, missing) := result.fail(
	chain, _subject(location, vpc_key), "vpc_endpoints",
	concat("", [
		"VPC ", vpc_key, " hosts ", concat(", ", sort({w.meta.id | some w in workloads})),
		" but has no interface endpoint for ", concat(", ", sort(missing)),
	]),
) if {
	_complete([location, vpc_key], missing)
} else := result.unknown(chain, _subject(location, vpc_key), "vpc_endpoints")

_complete(key, missing) if {
	group.only(_vpcs, key).endpoints_known # a key two VPCs share decides nothing
	count(missing & object.get(_endpoints_of_unknown_vpcs, key[0], set())) == 0
}

_subject(location, vpc_key) := {"meta": {"id": vpc_key, "location": location}}
