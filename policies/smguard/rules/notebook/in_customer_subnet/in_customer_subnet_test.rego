package smguard.rules.notebook.in_customer_subnet_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.notebook.in_customer_subnet as rule

test_fail_subnet_null if {
	inputs.verdicts(rule.findings) == {["SM102", "nb", "fail"]} with input as inputs.notebook({"subnet_id": null})
}

test_fail_subnet_empty_string if {
	inputs.verdicts(rule.findings) == {["SM102", "nb", "fail"]} with input as inputs.notebook({"subnet_id": ""})
}

test_fail_attribute_missing if {
	inputs.verdicts(rule.findings) == {["SM102", "nb", "fail"]} with input as inputs.notebook_without("subnet_id")
}

test_pass_subnet_set if {
	count(rule.findings) == 0 with input as inputs.notebook({})
}

test_pass_subnet_created_in_same_plan if {
	count(rule.findings) == 0 with input as inputs.notebook_pending("subnet_id")
}

test_unknown_when_not_even_presence_is_known if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.notebook_unknown("subnet_id")
	verdicts == {["SM102", "nb", "unknown"]}
}
