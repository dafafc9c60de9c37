package smguard.rules.notebook.security_groups_explicit_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.notebook.security_groups_explicit as rule

test_fail_security_groups_empty if {
	inputs.verdicts(rule.findings) == {["SM103", "nb", "fail"]} with input as inputs.notebook({"security_groups": []})
}

test_fail_attribute_missing if {
	inputs.verdicts(rule.findings) == {["SM103", "nb", "fail"]} with input as inputs.notebook_without("security_groups")
}

test_pass_security_groups_set if {
	count(rule.findings) == 0 with input as inputs.notebook({})
}

test_pass_security_groups_created_in_same_plan if {
	count(rule.findings) == 0 with input as inputs.notebook_pending("security_groups")
}

test_unknown_when_not_even_presence_is_known if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.notebook_unknown("security_groups")
	verdicts == {["SM103", "nb", "unknown"]}
}
