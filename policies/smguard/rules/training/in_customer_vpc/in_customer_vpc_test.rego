package smguard.rules.training.in_customer_vpc_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.training.in_customer_vpc as rule

test_fail_no_vpc_config if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.job({"subnets": [], "security_group_ids": []})
	verdicts == {["SM301", "job", "fail"]}
}

test_fail_no_security_groups if {
	some finding in rule.findings with input as inputs.job({"security_group_ids": []})
	finding.attribute == "security_group_ids"
}

test_unknown_pipeline_parameter if {
	inputs.verdicts(rule.findings) == {["SM301", "job", "unknown"]} with input as inputs.job_unknown("subnets")
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as inputs.job({})
}

test_fail_known_missing_security_groups_beside_unknown_subnets if {
	doc := inputs.job({"subnets": null, "security_group_ids": [], "meta": {"unknown": ["subnets"]}})
	some finding in rule.findings with input as doc
	[finding.status, finding.attribute] == ["fail", "security_group_ids"]
}
