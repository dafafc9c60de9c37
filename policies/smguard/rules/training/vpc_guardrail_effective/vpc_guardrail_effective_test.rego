package smguard.rules.training.vpc_guardrail_effective_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.training.vpc_guardrail_effective as rule

jobs := ["sagemaker:createtrainingjob", "sagemaker:createhyperparametertuningjob", "sagemaker:createprocessingjob"]

null_subnets := inputs.condition("Null", "sagemaker:VpcSubnets", ["true"])

null_groups := inputs.condition("Null", "sagemaker:VpcSecurityGroupIds", ["true"])

guardrail_without(actions, conditions) := inputs.statement({
	"effect": "Deny", "actions": actions,
	"conditions": conditions,
})

scp(statements) := {"resources": {"iam_policies": [], "service_control_policies": [
	object.union(inputs.identity_policy(statements).resources.iam_policies[0], {"meta": {"id": "scp"}}),
]}}

test_pass_one_null_test_per_key if {
	doc := scp([guardrail_without(jobs, [null_subnets]), guardrail_without(jobs, [null_groups])])
	count(rule.findings) == 0 with input as doc
}

test_pass_wildcard_create_action if {
	count(rule.findings) == 0 with input as scp([guardrail_without(["sagemaker:create*"], [null_subnets])])
}

test_pass_for_all_values_not_equals if {
	condition := inputs.condition("ForAllValues:StringNotEquals", "sagemaker:VpcSubnets", ["subnet-1"])
	count(rule.findings) == 0 with input as scp([guardrail_without(jobs, [condition])])
}

test_fail_both_keys_in_one_null_block if {
	some finding in rule.findings with input as scp([guardrail_without(jobs, [null_subnets, null_groups])])
	[finding.rule_id, finding.resource, finding.status] == ["SM306", "scp", "fail"]
	contains(finding.message, "deny only when both are missing")
}

test_fail_missing_job_actions if {
	some finding in rule.findings with input as scp([guardrail_without(["sagemaker:createtrainingjob"], [null_subnets])])
	contains(
		finding.message,
		"it does not deny sagemaker:createhyperparametertuningjob, sagemaker:createprocessingjob when no VPC is given",
	)
}

test_fail_allow_only if {
	present := inputs.condition("Null", "sagemaker:VpcSubnets", ["false"])
	allow := inputs.statement({"actions": jobs, "conditions": [present]})
	some finding in rule.findings with input as scp([allow])
	contains(finding.message, "Allow-only")
}

test_fail_positive_test_does_not_fire_on_missing_key if {
	condition := inputs.condition("StringEquals", "sagemaker:VpcSubnets", ["subnet-1"])
	inputs.verdicts(rule.findings) == {["SM306", "scp", "fail"]} with input as scp([guardrail_without(jobs, [condition])])
}

# IAM holds a negated test true for a key the request leaves out, IfExists or not.
test_pass_negated_test_fires_on_missing_key if {
	condition := inputs.condition("StringNotEquals", "sagemaker:VpcSubnets", ["subnet-1"])
	count(rule.findings) == 0 with input as scp([guardrail_without(jobs, [condition])])
}

test_fail_for_any_value_negated_test_is_false_on_missing_key if {
	condition := inputs.condition("ForAnyValue:StringNotLike", "sagemaker:VpcSubnets", ["subnet-*"])
	inputs.verdicts(rule.findings) == {["SM306", "scp", "fail"]} with input as scp([guardrail_without(jobs, [condition])])
}

test_pass_null_true_in_capitals if {
	condition := inputs.condition("Null", "sagemaker:VpcSubnets", ["True"])
	count(rule.findings) == 0 with input as scp([guardrail_without(jobs, [condition])])
}

test_fail_deny_narrowed_by_another_condition if {
	region := inputs.condition("StringEquals", "aws:RequestedRegion", ["eu-west-1"])
	some finding in rule.findings with input as scp([guardrail_without(jobs, [null_subnets, region])])
	contains(finding.message, "also requires aws:requestedregion, so it fires only for some requests")
	contains(finding.message, "it does not deny sagemaker:createhyperparametertuningjob")
}

test_pass_break_glass_principal_exemption if {
	exempt := inputs.condition("ArnNotLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/BreakGlass"])
	count(rule.findings) == 0 with input as scp([guardrail_without(jobs, [null_subnets, exempt])])
}

test_fail_deny_scoped_to_some_resources if {
	prod := ["arn:aws:sagemaker:*:*:training-job/prod-*"]
	scoped := object.union(guardrail_without(jobs, [null_subnets]), {"resources": prod})
	some finding in rule.findings with input as scp([scoped])
	contains(finding.message, "covers only some resources")
}

test_fail_deny_with_not_resource if {
	dev := ["arn:aws:sagemaker:*:*:training-job/dev-*"]
	scoped := object.union(guardrail_without(jobs, [null_subnets]), {"resources": null, "not_resources": dev})
	inputs.verdicts(rule.findings) == {["SM306", "scp", "fail"]} with input as scp([scoped])
}

test_pass_deny_on_every_sagemaker_arn if {
	every_arn := object.union(guardrail_without(jobs, [null_subnets]), {"resources": ["arn:aws:sagemaker:*:*:*"]})
	count(rule.findings) == 0 with input as scp([every_arn])
}

test_pass_policies_without_vpc_keys if {
	count(rule.findings) == 0 with input as scp([inputs.statement({"actions": ["sagemaker:*"]})])
}

test_identity_policies_are_checked_too if {
	doc := inputs.identity_policy([guardrail_without(jobs, [null_subnets, null_groups])])
	without_scps := object.union(doc, {"resources": {"service_control_policies": []}})
	verdicts := inputs.verdicts(rule.findings) with input as without_scps
	verdicts == {["SM306", "p", "fail"]}
}

account(readable) := {
	"meta": {"id": "aws:1", "source_type": "account", "location": "aws:1/global", "unknown": [], "pending": []},
	"account_id": "1", "scps_readable": readable, "scp_exempt": false,
	"scps_unreadable": {true: "", false: "AWSOrganizationsNotInUseException: not in an organization"}[readable],
}

live(statements, readable) := {"resources": {
	"iam_policies": [], "accounts": [account(readable)],
	"service_control_policies": [object.union(scp(statements).resources.service_control_policies[0], {
		"meta": {"location": "aws:1/global"},
	})],
}}

test_fail_live_account_without_guardrail if {
	doc := live([inputs.statement({"effect": "Deny", "actions": ["s3:*"]})], true)
	inputs.verdicts(rule.findings) == {["SM306", "aws:1", "fail"]} with input as doc
}

test_pass_live_account_with_guardrail if {
	count(rule.findings) == 0 with input as live([guardrail_without(jobs, [null_subnets])], true)
}

test_unknown_live_account_whose_scps_are_unreadable if {
	some finding in rule.findings with input as live([], false)
	[finding.resource, finding.status, finding.attribute] == ["aws:1", "unknown", "service_control_policies"]
	contains(finding.message, "cannot be read (AWSOrganizationsNotInUseException: not in an organization): no guardrail")
}

test_fail_management_account_whatever_its_scps if {
	doc := live([guardrail_without(jobs, [null_subnets])], true)
	management := object.union(doc, {"resources": {"accounts": [object.union(account(true), {"scp_exempt": true})]}})
	some finding in rule.findings with input as management
	[finding.resource, finding.status] == ["aws:1", "fail"]
	contains(finding.message, "management account")
}
