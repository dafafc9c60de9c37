package smguard.rules.network.workload_vpc_endpoints_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.network.workload_vpc_endpoints as rule

vpc(key, known) := {
	"meta": {"id": key, "source_type": "aws_vpc", "location": "test", "unknown": [], "pending": []},
	"vpc_id": key, "vpc_key": key, "default": false, "endpoints_known": known,
}

endpoint(service, key) := object.union(
	inputs.endpoint([]).resources.vpc_endpoints[0],
	{"meta": {"id": service}, "sagemaker_service": service, "vpc_key": key},
)

doc(endpoints, known) := {"resources": {
	"notebook_instances": [inputs.hardened_notebook],
	"vpc_endpoints": endpoints,
	"vpcs": [vpc("vpc-1", known)],
}}

test_fail_missing_endpoints if {
	some finding in rule.findings with input as doc([endpoint("api", "vpc-1")], true)
	[finding.rule_id, finding.resource, finding.status] == ["SM504", "vpc-1", "fail"]
	finding.message == "VPC vpc-1 hosts nb but has no interface endpoint for notebook, runtime"
}

test_pass_all_endpoints_present if {
	endpoints := [endpoint("api", "vpc-1"), endpoint("runtime-fips", "vpc-1"), endpoint("notebook", "vpc-1")]
	count(rule.findings) == 0 with input as doc(endpoints, true)
}

test_fail_endpoints_in_another_vpc if {
	endpoints := [endpoint("api", "vpc-2"), endpoint("runtime", "vpc-2"), endpoint("notebook", "vpc-2")]
	inputs.verdicts(rule.findings) == {["SM504", "vpc-1", "fail"]} with input as doc(endpoints, true)
}

test_unknown_when_endpoints_of_the_vpc_are_not_all_in_the_input if {
	inputs.verdicts(rule.findings) == {["SM504", "vpc-1", "unknown"]} with input as doc([], false)
}

test_unknown_when_a_missing_endpoint_may_be_in_an_unknown_vpc if {
	endpoints := [endpoint("api", "vpc-1"), endpoint("runtime", "vpc-1"), endpoint("notebook", null)]
	inputs.verdicts(rule.findings) == {["SM504", "vpc-1", "unknown"]} with input as doc(endpoints, true)
}

test_pass_workload_vpc_unknown if {
	notebook := object.union(inputs.hardened_notebook, {"vpc_key": null})
	count(rule.findings) == 0 with input as {"resources": {"notebook_instances": [notebook], "vpc_endpoints": []}}
}

# Two plans of the same code (dev, prod) name the same VPC; one's endpoints are not the other's.
test_fail_endpoints_of_the_same_vpc_key_in_another_input if {
	endpoints := [
	object.union(endpoint(service, "vpc-1"), {"meta": {"location": "prod.json"}}) |
		some service in ["api", "runtime", "notebook"]
	]
	verdicts := inputs.verdicts(rule.findings) with input as doc(endpoints, true)
	verdicts == {["SM504", "vpc-1", "fail"]}
}
