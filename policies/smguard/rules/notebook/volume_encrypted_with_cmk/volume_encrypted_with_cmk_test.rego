package smguard.rules.notebook.volume_encrypted_with_cmk_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.notebook.volume_encrypted_with_cmk as rule

test_fail_kms_key_null if {
	inputs.verdicts(rule.findings) == {["SM105", "nb", "fail"]} with input as inputs.notebook({"kms_key_id": null})
}

test_fail_attribute_missing if {
	inputs.verdicts(rule.findings) == {["SM105", "nb", "fail"]} with input as inputs.notebook_without("kms_key_id")
}

test_pass_kms_key_set if {
	count(rule.findings) == 0 with input as inputs.notebook({})
}

test_pass_kms_key_created_in_same_plan if {
	count(rule.findings) == 0 with input as inputs.notebook_pending("kms_key_id")
}

test_unknown_when_not_even_presence_is_known if {
	verdicts := inputs.verdicts(rule.findings) with input as inputs.notebook_unknown("kms_key_id")
	verdicts == {["SM105", "nb", "unknown"]}
}
