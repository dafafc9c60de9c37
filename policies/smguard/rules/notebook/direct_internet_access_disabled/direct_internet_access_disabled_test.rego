package smguard.rules.notebook.direct_internet_access_disabled_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.notebook.direct_internet_access_disabled as rule

test_fail_direct_internet_enabled if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.notebook({"direct_internet_access": true})
	verdicts == {["SM101", "nb", "fail"]}
}

test_fail_attribute_missing if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.notebook_without("direct_internet_access")
	verdicts == {["SM101", "nb", "fail"]}
}

test_fail_attribute_of_wrong_type if {
	# A frontend must convert "Disabled" to false; a raw string is not trusted as compliant.
	verdicts := inputs.verdicts(rule.findings) with input as inputs.notebook({"direct_internet_access": "Disabled"})
	verdicts == {["SM101", "nb", "fail"]}
}

test_unknown_direct_internet_access if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.notebook_unknown("direct_internet_access")
	verdicts == {["SM101", "nb", "unknown"]}
}

test_pass_direct_internet_disabled if {
	count(rule.findings) == 0 with input as inputs.notebook({})
}

test_pass_no_notebooks if {
	count(rule.findings) == 0 with input as {"resources": {}}
}
