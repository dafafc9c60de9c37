package smguard.lib.iam_test

import data.smguard.lib.iam
import data.smguard.lib.inputs_test as inputs

action := "sagemaker:createpresignednotebookinstanceurl"

# One Action pattern, as covers matches it.
matches(pattern, wanted) if iam.covers({"actions": [pattern], "not_actions": null}, wanted)

test_action_patterns_match_as_iam_does if {
	matches("sagemaker:createpresignednotebookinstanceurl", action)
	matches("*", action)
	matches("sagemaker:*", action)
	matches("sagemaker:createpresigned*", action)
	matches("sagemaker:create?resigned*url", action)
	matches("*:createpresigned*", action)
}

test_action_patterns_do_not_overmatch if {
	not matches("sagemaker:createpresigneddomainurl", action)
	not matches("sagemaker:describe*", action)
	not matches("s3:*", action)
	not matches("sagemaker:createpresigned", action)
	not matches("sagemaker.createpresigned*", "sagemakerxcreatepresignedurl")
	not matches("sagemaker:[c]*", action)
}

test_covers_with_action_and_not_action if {
	iam.covers(inputs.statement({"actions": ["sagemaker:*"]}), action)
	iam.covers(inputs.statement({"not_actions": ["s3:*"]}), action)
	not iam.covers(inputs.statement({"not_actions": ["sagemaker:*"]}), action)
	not iam.covers(inputs.statement({"actions": ["sagemaker:describe*"]}), action)
}

test_wildcards if {
	iam.wildcard_principal(inputs.statement({"principals": [{"type": "*", "values": ["*"]}]}))
	iam.wildcard_principal(inputs.statement({"principals": [{"type": "AWS", "values": ["1", "*"]}]}))
	not iam.wildcard_principal(inputs.statement({"principals": [{"type": "AWS", "values": ["123456789012"]}]}))
	iam.wildcard_actions(inputs.statement({"actions": ["sagemaker:*"]}))
	iam.wildcard_actions(inputs.statement({"not_actions": ["s3:*"]}))
	not iam.wildcard_actions(inputs.statement({"actions": ["sagemaker:invokeendpoint"]}))
}

test_not_principal_and_wildcard_accounts_are_anyone if {
	iam.wildcard_principal(inputs.statement({"principals": [{"type": "AWS", "values": ["arn:aws:iam::*:root"]}]}))
	iam.wildcard_principal(inputs.statement({"not_principals": [{"type": "AWS", "values": ["123456789012"]}]}))
	service := [{"type": "Service", "values": ["sagemaker.amazonaws.com"]}]
	not iam.wildcard_principal(inputs.statement({"principals": service}))
}

# IAM's documented truth table for a key the request leaves out.
test_absent_keys[operator] if {
	some operator, expected in {
		"StringEquals": false, "StringEqualsIfExists": true, "StringNotEquals": true,
		"ForAnyValue:StringNotEquals": false, "ForAllValues:StringEquals": true,
		"ForAnyValue:StringEquals": false, "NotIpAddress": true, "IpAddress": false,
		"ArnNotLike": true, "Bool": false, "BoolIfExists": true,
	}
	_holds(inputs.condition(operator, "aws:SourceVpc", ["vpc-1"]), {}) == expected
}

test_null_tests_presence if {
	iam.holds(inputs.condition("Null", "sagemaker:VpcSubnets", ["true"]), {})
	not iam.holds(inputs.condition("Null", "sagemaker:VpcSubnets", ["true"]), {"sagemaker:vpcsubnets": ["subnet-1"]})
	iam.holds(inputs.condition("Null", "sagemaker:VpcSubnets", ["false"]), {"sagemaker:vpcsubnets": ["subnet-1"]})
	not iam.holds(inputs.condition("Null", "sagemaker:VpcSubnets", ["false"]), {})
}

test_values_are_ored_and_negations_need_no_match if {
	condition := inputs.condition("StringEquals", "aws:SourceVpc", ["vpc-1", "vpc-2"])
	iam.holds(condition, {"aws:sourcevpc": ["vpc-2"]})
	not iam.holds(condition, {"aws:sourcevpc": ["vpc-3"]})
	negated := inputs.condition("StringNotEquals", "aws:SourceVpc", ["vpc-1", "vpc-2"])
	iam.holds(negated, {"aws:sourcevpc": ["vpc-3"]})
	not iam.holds(negated, {"aws:sourcevpc": ["vpc-1"]})
}

test_set_operators_on_multivalued_keys if {
	tags := {"aws:tagkeys": ["a", "b"]}
	iam.holds(inputs.condition("ForAnyValue:StringEquals", "aws:TagKeys", ["b", "z"]), tags)
	not iam.holds(inputs.condition("ForAllValues:StringEquals", "aws:TagKeys", ["b", "z"]), tags)
	iam.holds(inputs.condition("ForAllValues:StringEquals", "aws:TagKeys", ["a", "b", "z"]), tags)
	iam.holds(inputs.condition("ForAnyValue:StringNotEquals", "aws:TagKeys", ["a"]), tags)
	not iam.holds(inputs.condition("ForAllValues:StringNotEquals", "aws:TagKeys", ["a"]), tags)
}

test_case_rules_of_each_operator if {
	org := {"aws:principalorgid": ["o-ABC123defg"]}
	iam.holds(inputs.condition("StringEqualsIgnoreCase", "aws:PrincipalOrgID", ["o-abc123DEFG"]), org)
	not iam.holds(inputs.condition("StringEquals", "aws:PrincipalOrgID", ["o-abc123DEFG"]), org)
	not iam.holds(inputs.condition("StringNotEqualsIgnoreCase", "aws:PrincipalOrgID", ["O-ABC123DEFG"]), org)
	iam.holds(inputs.condition("Bool", "aws:SecureTransport", ["TRUE"]), {"aws:securetransport": ["true"]})
}

test_operators_by_kind if {
	iam.holds(inputs.condition("IpAddress", "aws:SourceIp", ["192.0.2.0/24"]), {"aws:sourceip": ["192.0.2.7"]})
	iam.holds(inputs.condition("IpAddress", "aws:SourceIp", ["2001:db8::/32"]), {"aws:sourceip": ["2001:db8::1"]})
	iam.holds(inputs.condition("IpAddress", "aws:SourceIp", ["192.0.2.7"]), {"aws:sourceip": ["192.0.2.7"]})
	not iam.holds(inputs.condition("IpAddress", "aws:SourceIp", ["192.0.2.0/24"]), {"aws:sourceip": ["2001:db8::1"]})
	arn := {"aws:principalarn": ["arn:aws:iam::123456789012:role/team/app"]}
	iam.holds(inputs.condition("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/*"]), arn)
	iam.holds(inputs.condition("ArnEquals", "aws:PrincipalArn", ["arn:aws:iam::123456789012:role/team/*"]), arn)
	not iam.holds(inputs.condition("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:user/*"]), arn)
	not iam.holds(inputs.condition("ArnLike", "aws:PrincipalArn", ["arn:aws:*"]), arn)
	iam.holds(inputs.condition("NumericLessThan", "s3:max-keys", ["10"]), {"s3:max-keys": ["9"]})
	not iam.holds(inputs.condition("NumericLessThan", "s3:max-keys", ["10"]), {"s3:max-keys": ["10"]})
	iam.holds(
		inputs.condition("DateGreaterThan", "aws:CurrentTime", ["2020-01-01T00:00:00Z"]),
		{"aws:currenttime": ["2026-12-03T00:00:00Z"]},
	)
}

# A policy variable is not a literal: aws:SourceVpc = ${aws:SourceVpc} holds for every request.
test_policy_variables_match_anything if {
	iam.holds(inputs.condition("StringEquals", "aws:SourceVpc", ["${aws:SourceVpc}"]), {"aws:sourcevpc": ["vpc-9"]})
	not iam.holds(inputs.condition("StringNotEquals", "aws:PrincipalOrgID", ["${aws:PrincipalOrgID}"]), {
		"aws:principalorgid": ["o-anyone"],
	})
}

_holds(condition, context) if iam.holds(condition, context)

_holds(condition, context) := false if not iam.holds(condition, context)
