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

# Workloads by VPC key.
_workloads := group.by_key([[workload.vpc_key, {"kind": kind, "meta": workload.meta}] |
	some kind, list in {"notebook": "notebook_instances", "training": "training_jobs", "model": "models"}
	some workload in input.resources[list]
	workload.vpc_key != null
])

_required(workloads) := {"api", "runtime"} | {"notebook" |
	some workload in workloads
	workload.kind == "notebook"
}

# Interface endpoints by VPC key; the FIPS runtime endpoint serves as the runtime endpoint.
_present := group.by_key([[endpoint.vpc_key, _service(endpoint)] |
	some endpoint in input.resources.vpc_endpoints
	endpoint.endpoint_type == "Interface"
	endpoint.sagemaker_service != null
	endpoint.vpc_key != null
])

_service(endpoint) := "runtime" if endpoint.sagemaker_service == "runtime-fips"

_service(endpoint) := endpoint.sagemaker_service if endpoint.sagemaker_service != "runtime-fips"

# A comprehension, not a rule: OPA evaluates a rule's body again for every _vpcs[key] lookup.
# regal ignore:prefer-set-or-object-rule
_vpcs := {vpc.vpc_key: vpc | some vpc in input.resources.vpcs}

_endpoints_of_unknown_vpcs contains endpoint.sagemaker_service if {
	some endpoint in input.resources.vpc_endpoints
	endpoint.sagemaker_service != null
	endpoint.vpc_key == null
}

deny contains finding if {
	some vpc_key, workloads in _workloads
	missing := _required(workloads) - object.get(_present, vpc_key, set())
	count(missing) > 0
	finding := _verdict(rego.metadata.chain(), vpc_key, workloads, missing)
}

_verdict(chain, vpc_key, workloads, missing) := result.fail(
	chain, _subject(vpc_key, workloads), "vpc_endpoints",
	sprintf("VPC %s hosts %s but has no interface endpoint for %s", [
		vpc_key, concat(", ", sort({w.meta.id | some w in workloads})), concat(", ", sort(missing)),
	]),
) if {
	_complete(vpc_key, missing)
}

_verdict(chain, vpc_key, workloads, missing) := result.unknown(chain, subject, "vpc_endpoints") if {
	not _complete(vpc_key, missing)
	subject := _subject(vpc_key, workloads)
}

_complete(vpc_key, missing) if {
	_vpcs[vpc_key].endpoints_known
	count(missing & _endpoints_of_unknown_vpcs) == 0
}

_subject(vpc_key, workloads) := {"meta": {"id": vpc_key, "location": location}} if {
	location := min({w.meta.location | some w in workloads})
}
