# METADATA
# title: Preventive VPC guardrail for SageMaker jobs is effective
# description: |
#   The preventive half of pattern 6: an SCP or IAM policy that denies training, tuning and
#   processing job creation when no VPC is given (sagemaker:VpcSubnets missing). Such
#   guardrails are easy to get subtly wrong, and then they never fire: sagemaker:VpcSubnets and
#   sagemaker:VpcSecurityGroupIds in one Null block deny only when both are missing; an
#   Allow-only "guardrail" restricts nothing once another policy allows the action; a positive or
#   ForAnyValue test does not match a request that omits the key; a Deny that also requires other
#   conditions, or covers only some resources, fires only for some requests; and a guardrail that
#   leaves out CreateHyperParameterTuningJob or CreateProcessingJob leaves a way around it. Every
#   policy (identity or SCP) that mentions the VPC condition keys is checked, and an account
#   whose SCPs a live snapshot could read fails when none of the SCPs in effect for it (attached
#   to it, to an OU above it or to the root) is an effective guardrail. The organization's
#   management account fails too: no SCP restricts it. An account whose SCPs a live snapshot
#   could not read is unknown, with the reason.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
#     description: Condition operator to check existence of condition keys
# schemas:
#   - input: schema.input
# custom:
#   id: SM306
#   severity: HIGH
#   checkov_not_mirrored: >-
#     judges which job actions the Deny statements of a policy cover with a firing Null test,
#     across statements; as for SM201
#   resource: iam_policy
#   remediation: >-
#     Use a Deny statement per missing key, each with its own Null condition ("Null":
#     {"sagemaker:VpcSubnets": "true"}), covering CreateTrainingJob, CreateHyperParameterTuningJob
#     and CreateProcessingJob; `smguard guardrails` generates such a policy.
package smguard.rules.training.vpc_guardrail_effective

import data.smguard.lib.iam
import data.smguard.lib.reach
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

_vpc_keys := {"sagemaker:vpcsubnets", "sagemaker:vpcsecuritygroupids"}

_job_actions := {
	"sagemaker:createtrainingjob",
	"sagemaker:createhyperparametertuningjob",
	"sagemaker:createprocessingjob",
}

_policies := array.concat(input.resources.iam_policies, input.resources.service_control_policies)

findings contains finding if {
	some i, policy in _policies
	finding := result.fail(_rule, policy, "statements", concat("; ", sort(_problems[i])))
}

findings contains finding if {
	some account in input.resources.accounts
	account.scps_readable == true
	account.scp_exempt == false
	not _guarded(account)
	finding := result.fail(
		_rule, account, "service_control_policies",
		"no SCP denies training, tuning and processing jobs created without a VPC",
	)
}

findings contains finding if {
	some account in input.resources.accounts
	account.scps_readable == true
	account.scp_exempt == true
	finding := result.fail(
		_rule, account, "service_control_policies",
		"the organization's management account, which no SCP restricts: run SageMaker jobs in member accounts",
	)
}

# Whether an SCP guards the account cannot be known when they could not be read (an account
# outside an organization, or without Organizations read access): never a silent pass.
findings contains finding if {
	some account in input.resources.accounts
	account.scps_readable == false
	finding := result.unknown_because(_rule, account, "service_control_policies", sprintf(
		"the SCPs in effect for this account cannot be read (%s): no guardrail against jobs without a VPC is confirmed",
		[account.scps_unreadable],
	))
}

# Each job action is denied without a VPC by some SCP read from the same account.
_guarded(account) if {
	every action in _job_actions {
		_account_denies(account, action)
	}
}

_account_denies(account, action) if {
	some policy in _scps[account.meta.location]
	_denied_without_vpc(policy, action)
}

_scps[policy.meta.location] contains policy if some policy in input.resources.service_control_policies

_problems[i] contains "it is Allow-only: an Allow restricts nothing when another policy allows the action" if {
	some i, policy in _policies
	_mentions_vpc_keys(policy.statements)
	not _mentions_vpc_keys([s | some s in policy.statements; s.effect == "Deny"])
}

_problems[i] contains _null_both if {
	some i, policy in _policies
	some statement in policy.statements
	statement.effect == "Deny"
	_null_true(statement, "sagemaker:vpcsubnets")
	_null_true(statement, "sagemaker:vpcsecuritygroupids")
}

_problems[i] contains sprintf("it does not deny %s when no VPC is given", [concat(", ", sort(missing))]) if {
	some i, policy in _policies
	_mentions_vpc_keys(policy.statements)
	missing := {action |
		some action in _job_actions
		not _denied_without_vpc(policy, action)
	}
	count(missing) > 0
}

_problems[i] contains sprintf("its Deny of jobs without a VPC also requires %s, so it fires only for some requests", [
	concat(", ", sort(keys)),
]) if {
	some i, policy in _policies
	some statement in policy.statements
	_fires_without_vpc(statement)
	keys := {condition.key |
		some condition in statement.conditions
		not condition.key in _vpc_keys
		not reach.fires_for_everyone({"conditions": [condition]}, _vpc_keys, _no_subnets)
	}
	count(keys) > 0
}

_problems[i] contains "its Deny of jobs without a VPC covers only some resources (Resource or NotResource)" if {
	some i, policy in _policies
	some statement in policy.statements
	_fires_without_vpc(statement)
	not _all_resources(statement)
}

_null_both := "sagemaker:VpcSubnets and sagemaker:VpcSecurityGroupIds in one Null test deny only when both are missing"

# A policy that tests the VPC condition keys on job creation is meant as a VPC guardrail for jobs.
_mentions_vpc_keys(statements) if {
	some statement in statements
	some condition in statement.conditions
	condition.key in _vpc_keys
	some action in _job_actions
	iam.covers(statement, action)
}

_denied_without_vpc(policy, action) if {
	some statement in policy.statements
	iam.covers(statement, action)
	_fires_without_vpc(statement)
	_all_resources(statement)
	reach.fires_for_everyone(statement, _vpc_keys, _no_subnets)
}

# A job request with security groups but no subnets: the one a guardrail must stop.
_no_subnets := {"sagemaker:vpcsecuritygroupids": ["sg-0f1e2d3c4b5a69788"]}

# A Deny with a condition on sagemaker:VpcSubnets that holds when the request leaves it out.
_fires_without_vpc(statement) if {
	statement.effect == "Deny"
	some condition in statement.conditions
	condition.key == "sagemaker:vpcsubnets"
	iam.holds(condition, _no_subnets)
}

# Resource "*" (or left out, as in SCPs), or an ARN pattern with every part a wildcard.
_all_resources(statement) if {
	not is_array(statement.not_resources)
	not is_array(statement.resources)
}

_all_resources(statement) if {
	not is_array(statement.not_resources)
	some pattern in statement.resources
	regex.match(`^(\*|arn:\*:\*|arn:(\*|aws[a-z-]*):(\*|sagemaker):\*:\*:\*)$`, pattern)
}

_null_true(statement, key) if {
	some condition in statement.conditions
	condition.key == key
	condition.base == "Null"
	_true_values(condition)
}

_true_values(condition) if [lower(value) | some value in condition.values] == ["true"]
