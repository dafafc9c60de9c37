package smguard.rules.notebook.root_access_disabled_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.notebook.root_access_disabled as rule

test_fail_root_access_enabled if {
	inputs.verdicts(rule.findings) == {["SM104", "nb", "fail"]} with input as inputs.notebook({"root_access": true})
}

test_fail_attribute_missing if {
	inputs.verdicts(rule.findings) == {["SM104", "nb", "fail"]} with input as inputs.notebook_without("root_access")
}

test_unknown_root_access if {
	inputs.verdicts(rule.findings) == {["SM104", "nb", "unknown"]} with input as inputs.notebook_unknown("root_access")
}

test_pass_root_access_disabled if {
	count(rule.findings) == 0 with input as inputs.notebook({})
}
