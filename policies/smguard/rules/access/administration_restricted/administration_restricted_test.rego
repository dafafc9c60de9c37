package smguard.rules.access.administration_restricted_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.access.administration_restricted as rule

attached(statements, principals) := {"resources": {"iam_policies": [object.union(
	inputs.identity_policy(statements).resources.iam_policies[0],
	{"attached_to": principals},
)]}}

test_fail_every_action_on_every_resource[name] if {
	some name, statement in {
		"sagemaker:*": inputs.statement({"actions": ["sagemaker:*"]}),
		"*": inputs.statement({"actions": ["*"]}),
		"not action": inputs.statement({"not_actions": ["s3:*"]}),
		"not resource": inputs.statement({
			"actions": ["sagemaker:*"], "resources": null,
			"not_resources": ["arn:aws:sagemaker:*:*:domain/*"],
		}),
		"sagemaker arn": inputs.statement({"actions": ["sagemaker:*"], "resources": ["arn:aws:sagemaker:*:*:*"]}),
	}
	inputs.verdicts(rule.findings) == {["SM204", "p", "fail"]} with input as inputs.identity_policy([statement])
}

test_pass_scoped_grants[name] if {
	some name, statement in {
		"some actions": inputs.statement({"actions": ["sagemaker:describe*", "sagemaker:list*"]}),
		"some resources": inputs.statement({
			"actions": ["sagemaker:*"],
			"resources": ["arn:aws:sagemaker:*:*:notebook-instance/team-*"],
		}),
		"deny": inputs.statement({"effect": "Deny", "actions": ["sagemaker:*"]}),
		"not action without sagemaker": inputs.statement({"not_actions": ["sagemaker:*"]}),
	}
	count(rule.findings) == 0 with input as inputs.identity_policy([statement])
}

test_listed_administrators_by_name_or_arn if {
	doc := attached([inputs.statement({"actions": ["sagemaker:*"]})], ["arn:aws:iam::123456789012:role/ml-admin", "ops"])
	both := {"access": {"admin_principals": ["ml-admin", "ops"]}}
	count(rule.findings) == 0 with input as doc with data.smguard.config as both
	some finding in rule.findings with input as doc with data.smguard.config as {"access": {"admin_principals": ["ops"]}}
	endswith(finding.message, "to arn:aws:iam::123456789012:role/ml-admin, not listed in access.admin_principals")
}

test_unknown_document if {
	doc := {"resources": {"iam_policies": [object.union(
		inputs.identity_policy([]).resources.iam_policies[0],
		{"statements": null, "meta": {"unknown": ["statements"]}},
	)]}}
	inputs.verdicts(rule.findings) == {["SM204", "p", "unknown"]} with input as doc
}
