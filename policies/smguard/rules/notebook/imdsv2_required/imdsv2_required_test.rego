package smguard.rules.notebook.imdsv2_required_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.notebook.imdsv2_required as rule

attribute := "minimum_instance_metadata_service_version"

test_fail_imds_v1_allowed if {
	inputs.verdicts(rule.findings) == {["SM106", "nb", "fail"]} with input as inputs.notebook({attribute: "1"})
}

test_fail_imds_unset if {
	inputs.verdicts(rule.findings) == {["SM106", "nb", "fail"]} with input as inputs.notebook({attribute: null})
}

test_fail_attribute_missing if {
	inputs.verdicts(rule.findings) == {["SM106", "nb", "fail"]} with input as inputs.notebook_without(attribute)
}

test_unknown_imds_version if {
	inputs.verdicts(rule.findings) == {["SM106", "nb", "unknown"]} with input as inputs.notebook_unknown(attribute)
}

test_pass_imds_v2_only if {
	count(rule.findings) == 0 with input as inputs.notebook({})
}
