package smguard.rules.notebook.supported_platform_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.notebook.supported_platform as rule

test_fail_ended_platform if {
	some finding in rule.findings with input as inputs.notebook({"platform_identifier": "notebook-al2-v3"})
	finding.status == "fail"
	finding.message == "platform notebook-al2-v3: support ended 2026-06-30"
}

test_pass_current_platform if {
	count(rule.findings) == 0 with input as inputs.notebook({})
}

test_pass_unset_means_the_current_default if {
	count(rule.findings) == 0 with input as inputs.notebook({"platform_identifier": null})
}

test_pass_a_platform_newer_than_smguard_knows if {
	count(rule.findings) == 0 with input as inputs.notebook({"platform_identifier": "notebook-al2023-v2"})
}

test_unknown_platform if {
	doc := inputs.notebook({"platform_identifier": null, "meta": {"unknown": ["platform_identifier"]}})
	inputs.verdicts(rule.findings) == {["SM108", "nb", "unknown"]} with input as doc
}
