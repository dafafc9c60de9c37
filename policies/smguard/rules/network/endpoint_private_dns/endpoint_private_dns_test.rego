package smguard.rules.network.endpoint_private_dns_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.network.endpoint_private_dns as rule

with_endpoint(fields) := {"resources": {"vpc_endpoints": [object.union(inputs.endpoint([]).resources.vpc_endpoints[0], fields)]}}

test_fail_private_dns_disabled if {
	inputs.verdicts(rule.findings) == {["SM503", "e", "fail"]} with input as with_endpoint({"private_dns_enabled": false})
}

test_fail_attribute_missing if {
	endpoint := object.remove(inputs.endpoint([]).resources.vpc_endpoints[0], ["private_dns_enabled"])
	inputs.verdicts(rule.findings) == {["SM503", "e", "fail"]} with input as {"resources": {"vpc_endpoints": [endpoint]}}
}

test_unknown_private_dns if {
	doc := with_endpoint({"private_dns_enabled": null, "meta": {"unknown": ["private_dns_enabled"]}})
	inputs.verdicts(rule.findings) == {["SM503", "e", "unknown"]} with input as doc
}

test_pass_enabled if {
	count(rule.findings) == 0 with input as inputs.endpoint([])
}

test_pass_gateway_or_other_service if {
	count(rule.findings) == 0 with input as with_endpoint({"private_dns_enabled": false, "endpoint_type": "Gateway"})
	count(rule.findings) == 0 with input as with_endpoint({"private_dns_enabled": false, "sagemaker_service": null})
}

test_unknown_endpoint_type if {
	doc := with_endpoint({"private_dns_enabled": false, "endpoint_type": null, "meta": {"unknown": ["endpoint_type"]}})
	inputs.verdicts(rule.findings) == {["SM503", "e", "unknown"]} with input as doc
}
