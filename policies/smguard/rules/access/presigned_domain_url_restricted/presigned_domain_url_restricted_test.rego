package smguard.rules.access.presigned_domain_url_restricted_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.access.presigned_domain_url_restricted as rule

test_fail_unconditional_studio_grant if {
	statement := inputs.statement({"actions": ["sagemaker:createpresigneddomainurl", "sagemaker:describeuserprofile"]})
	inputs.verdicts(rule.findings) == {["SM202", "p", "fail"]} with input as inputs.identity_policy([statement])
}

test_pass_studio_grant_through_vpc_endpoints if {
	statement := inputs.statement({
		"actions": ["sagemaker:createpresigneddomainurl"],
		"conditions": [inputs.condition("ForAnyValue:StringEquals", "aws:sourceVpce", ["vpce-1", "vpce-2"])],
	})
	count(rule.findings) == 0 with input as inputs.identity_policy([statement])
}

test_pass_notebook_grant_only if {
	statement := inputs.statement({"actions": ["sagemaker:createpresignednotebookinstanceurl"]})
	count(rule.findings) == 0 with input as inputs.identity_policy([statement])
}
