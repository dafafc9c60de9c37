package smguard.rules.notebook.lifecycle_scripts_without_secrets_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.notebook.lifecycle_scripts_without_secrets as rule

doc(fields) := {"resources": {"lifecycle_configs": [object.union(
	{"meta": {"id": "r", "location": "test", "unknown": [], "pending": []}, "name": "lc", "secrets": []},
	fields,
)]}}

test_fail_names_kinds_and_lines if {
	secrets := [
		{"script": "on_start", "line": 4, "kind": "AWS Access Key"},
		{"script": "on_create", "line": 2, "kind": "GitHub Token"},
	]
	some finding in rule.findings with input as doc({"secrets": secrets})
	finding.status == "fail"
	finding.message == "the scripts hold secrets (on_create line 2: GitHub Token; on_start line 4: AWS Access Key)"
}

test_unknown_script if {
	unknown := doc({"secrets": null, "meta": {"unknown": ["secrets"]}})
	inputs.verdicts(rule.findings) == {["SM109", "r", "unknown"]} with input as unknown
}

test_pass_none_found if {
	count(rule.findings) == 0 with input as doc({})
}
