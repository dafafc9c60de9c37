package smguard.rules.notebook.in_approved_network_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.notebook.in_approved_network as rule

subnets_only := {"network": {"approved_subnet_ids": ["subnet-1"]}}

vpcs_only := {"network": {"approved_vpc_ids": ["vpc-1"]}}

test_fail_default_subnet if {
	inputs.verdicts(rule.findings) == {["SM107", "nb", "fail"]} with input as inputs.notebook({"default_network": true})
}

test_fail_default_network_missing if {
	inputs.verdicts(rule.findings) == {["SM107", "nb", "fail"]} with input as inputs.notebook_without("default_network")
}

test_unknown_default_network if {
	inputs.verdicts(rule.findings) == {["SM107", "nb", "unknown"]} with input as inputs.notebook_unknown("default_network")
}

test_pass_private_subnet_without_config if {
	count(rule.findings) == 0 with input as inputs.notebook({})
}

test_pass_no_subnet_without_config if {
	# SM102 reports the missing subnet; without allow-lists there is nothing more to say.
	count(rule.findings) == 0 with input as inputs.notebook({"subnet_id": null, "vpc_id": null, "default_network": null})
}

test_fail_subnet_not_approved if {
	inputs.verdicts(rule.findings) == {["SM107", "nb", "fail"]} with input as inputs.notebook({"subnet_id": "subnet-2"})
		with data.smguard.config as subnets_only
}

test_fail_no_subnet_with_config if {
	inputs.verdicts(rule.findings) == {["SM107", "nb", "fail"]} with input as inputs.notebook({"subnet_id": null})
		with data.smguard.config as subnets_only
}

test_fail_vpc_not_approved if {
	inputs.verdicts(rule.findings) == {["SM107", "nb", "fail"]} with input as inputs.notebook({"vpc_id": "vpc-2"})
		with data.smguard.config as vpcs_only
}

test_pass_subnet_approved if {
	count(rule.findings) == 0 with input as inputs.notebook({}) with data.smguard.config as subnets_only
}

test_pass_vpc_approved if {
	count(rule.findings) == 0 with input as inputs.notebook({"subnet_id": "subnet-9"})
		with data.smguard.config as vpcs_only
}

test_fail_approved_default_subnet if {
	# RULES.md: a default subnet fails whatever the allow-lists say.
	verdicts := inputs.verdicts(rule.findings) with input as inputs.notebook({"default_network": true})
		with data.smguard.config as subnets_only
	verdicts == {["SM107", "nb", "fail"]}
}

test_pass_approved_subnet_of_unknown_kind if {
	findings := rule.findings with input as inputs.notebook_unknown("default_network")
		with data.smguard.config as subnets_only
	count(findings) == 0
}

test_one_unknown_finding_when_both_lists_and_both_values_are_unknown if {
	both := {"network": {"approved_subnet_ids": ["subnet-1"], "approved_vpc_ids": ["vpc-1"]}}
	doc := inputs.notebook({"subnet_id": null, "vpc_id": null, "meta": {
		"unknown": ["subnet_id", "vpc_id"],
		"pending": ["subnet_id", "vpc_id"],
	}})
	verdicts := inputs.verdicts(rule.findings) with input as doc with data.smguard.config as both
	verdicts == {["SM107", "nb", "unknown"]}
}

test_unknown_subnet_with_config if {
	inputs.verdicts(rule.findings) == {["SM107", "nb", "unknown"]} with input as inputs.notebook_pending("subnet_id")
		with data.smguard.config as subnets_only
}

test_unknown_vpc_with_vpc_config if {
	inputs.verdicts(rule.findings) == {["SM107", "nb", "unknown"]} with input as inputs.notebook_unknown("vpc_id")
		with data.smguard.config as vpcs_only
}
