package smguard.rules.meta.input_readable_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.meta.input_readable as rule

test_error_for_each_unreadable_resource if {
	errors := [
		{"resource": "aws_x.a", "location": "plan.json", "message": "root_access is not a string"},
		{"resource": "aws_x.b", "location": "plan.json", "message": "change is missing"},
	]
	verdicts := inputs.verdicts(rule.findings) with input as inputs.complete({"errors": errors})
	verdicts == {["SM001", "aws_x.a", "error"], ["SM001", "aws_x.b", "error"]}
}

test_error_keeps_message_and_location if {
	some finding in rule.findings with input as unreadable
	finding.message == "bad"
	finding.location == "p.json"
	finding.attribute == ""
}

test_pass_no_errors if {
	count(rule.findings) == 0 with input as inputs.complete({"errors": []})
}

test_error_for_input_that_is_not_an_smguard_document if {
	plan := {"format_version": "1.2", "resource_changes": []}
	inputs.verdicts(rule.findings) == {["SM001", "(input)", "error"]} with input as plan
	inputs.verdicts(rule.findings) == {["SM001", "(input)", "error"]} with input as {"schema_version": 3, "resource": {}}
	inputs.verdicts(rule.findings) == {["SM001", "(input)", "error"]} with input as "plan"
	not_listed := inputs.complete({"resources": {"training_jobs": 5}})
	inputs.verdicts(rule.findings) == {["SM001", "(input)", "error"]} with input as not_listed
}

unreadable := inputs.complete({"errors": [{"resource": "r", "location": "p.json", "message": "bad"}]})

test_two_different_resources_under_one_id_are_an_error if {
	two := object.union(inputs.hardened_notebook, {"root_access": true})
	doc := inputs.complete({"resources": {"notebook_instances": [inputs.hardened_notebook, two]}})
	some finding in rule.findings with input as doc
	[finding.resource, finding.status] == ["nb", "error"]
	contains(finding.message, "2 different notebook_instances share this ID")
}

test_identical_copies_are_one_resource if {
	doc := inputs.complete({"resources": {"notebook_instances": [inputs.hardened_notebook, inputs.hardened_notebook]}})
	count(rule.findings) == 0 with input as doc
}

test_a_resource_without_an_id_is_an_error if {
	nameless := json.remove(inputs.hardened_notebook, ["meta/id"])
	doc := inputs.complete({"resources": {"notebook_instances": [inputs.hardened_notebook, nameless, "nb"]}})
	messages := {finding.message | some finding in rule.findings} with input as doc
	messages == {
		"notebook_instances[1] has no meta.id, so no rule can judge it",
		"notebook_instances[2] has no meta.id, so no rule can judge it",
	}
}

test_shared_ids_without_a_location_are_found if {
	unplaced := json.remove(inputs.hardened_notebook, ["meta/location"])
	other := object.union(unplaced, {"root_access": true})
	doc := inputs.complete({"resources": {"notebook_instances": [unplaced, other]}})
	some finding in rule.findings with input as doc
	[finding.resource, finding.location, finding.status] == ["nb", "", "error"]
}

test_a_config_its_bundle_validated_is_not_validated_again if {
	settings := {"acess": {}}
	count(rule.findings) == 0 with input as inputs.complete({})
		with data.smguard.config as settings
		with data.smguard.checked as {"config": true}
	count(rule.findings) == 1 with input as inputs.complete({})
		with data.smguard.config as settings
		with data.smguard.checked as {"config": "yes"}
}

test_error_for_each_problem_of_the_config if {
	settings := {"acess": {}, "rules": {"disable": ["SM199"]}}
	findings := rule.findings with input as inputs.complete({}) with data.smguard.config as settings
	{[f.resource, f.location, f.status, f.message] | some f in findings} == {
		["(config)", "data.smguard.config", "error", `rules.disable names an unknown rule "SM199"`],
		[
			"(config)", "data.smguard.config", "error",
			`unknown config section "acess" (known: access, hosting, network, perimeter, policies, rules, scan, waivers)`,
		],
	}
}
