# METADATA
# title: IAM policy semantics
# description: |
#   Action matching and condition evaluation as IAM does them, on the normalized statements of
#   the canonical document (actions and condition keys already lower-cased). A request context
#   maps lower-cased condition keys to lists of values; a key it leaves out is absent.
#   Reference: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
package smguard.lib.iam

import data.smguard.lib.cidr
import data.smguard.lib.wildcard

# METADATA
# description: Condition keys that tie a request to a network location.
network_keys := {"aws:sourceip", "aws:sourcevpc", "aws:sourcevpce"}

# METADATA
# description: Condition keys that tie a request to an organization or account (a data perimeter).
perimeter_keys := {
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:principalisawsservice", "aws:resourceorgid", "aws:resourceorgpaths", "aws:resourceaccount",
}

# METADATA
# description: Condition keys that describe the calling principal.
principal_keys := {
	"aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths",
	"aws:userid", "aws:username", "aws:principaltype", "aws:principalisawsservice",
}

# Each negated operator and the positive test it negates (IfExists and qualifiers split off).
_negates := {
	"StringNotEquals": "StringEquals",
	"StringNotEqualsIgnoreCase": "StringEqualsIgnoreCase",
	"StringNotLike": "StringLike",
	"ArnNotEquals": "ArnEquals",
	"ArnNotLike": "ArnLike",
	"NotIpAddress": "IpAddress",
	"NumericNotEquals": "NumericEquals",
	"DateNotEquals": "DateEquals",
}

# METADATA
# description: |
#   Negated condition operators: true when no value matches, and so, IAM holds them true for a
#   key the request leaves out, except under ForAnyValue.
negative_operators := object.keys(_negates)

# METADATA
# scope: document
# description: |
#   True when the statement's Action (or NotAction) covers the lower-cased action, each
#   pattern (with * and ?) matched as IAM matches it.
covers(statement, action) if {
	some pattern in statement.actions
	wildcard.match(pattern, action)
}

covers(statement, action) if {
	is_array(statement.not_actions)
	every pattern in statement.not_actions {
		not wildcard.match(pattern, action)
	}
}

# METADATA
# description: True when a statement part cannot be known from the input.
unknown_part(statement, part) if part in statement.unknown

# METADATA
# scope: document
# description: |
#   True when a statement lets anyone in: Principal "*", an AWS principal with a wildcard
#   ("*", "arn:aws:iam::*:root"), or NotPrincipal (everyone but the few it names).
wildcard_principal(statement) if {
	some principal in statement.principals
	principal.type == "*"
}

wildcard_principal(statement) if {
	some principal in statement.principals
	principal.type == "AWS"
	some value in principal.values
	contains(value, "*")
}

wildcard_principal(statement) if is_array(statement.not_principals)

# METADATA
# scope: document
# description: True when a statement allows every action of the service (or uses NotAction).
wildcard_actions(statement) if {
	some action in statement.actions
	action in {"*", "sagemaker:*", "*:*"}
}

wildcard_actions(statement) if is_array(statement.not_actions)

# METADATA
# scope: document
# description: |
#   True when the condition holds for the request context. An absent key: ForAnyValue fails and
#   ForAllValues holds (nothing to fail), whatever IfExists says (AWS documents the two only
#   apart; the simulator of tests/oracle/ reads them so); otherwise IfExists, Null "true" and
#   negated operators hold, and every other test fails. A present key: a positive test holds
#   when some value matches, a negated one when none does; ForAnyValue asks that of some of the
#   request's values, ForAllValues of each.
holds(condition, context) if {
	not context[condition.key]
	_holds_when_absent(condition)
}

holds(condition, context) if {
	values := context[condition.key]
	_holds_for(condition, values)
}

_holds_when_absent(condition) if {
	condition.if_exists
	condition.qualifier != "ForAnyValue"
}

_holds_when_absent(condition) if {
	condition.base == "Null"
	_null_value(condition) == "true"
}

_holds_when_absent(condition) if condition.qualifier == "ForAllValues"

_holds_when_absent(condition) if {
	condition.base in negative_operators
	condition.qualifier == null
}

_holds_for(condition, _) if {
	condition.base == "Null"
	_null_value(condition) == "false"
}

_holds_for(condition, values) if {
	condition.base != "Null"
	condition.qualifier != "ForAllValues"
	some value in values
	_value_holds(condition, value)
}

_holds_for(condition, values) if {
	condition.base != "Null"
	condition.qualifier == "ForAllValues"
	every value in values {
		_value_holds(condition, value)
	}
}

_null_value(condition) := lower(condition.values[0]) if count(condition.values) == 1

_value_holds(condition, value) if {
	not condition.base in negative_operators
	some pattern in condition.values
	value_matches(condition.base, pattern, value)
}

_value_holds(condition, value) if {
	operator := _negates[condition.base]
	every pattern in condition.values {
		not value_matches(operator, pattern, value)
	}
}

# METADATA
# description: True when a policy variable stands in the value (it is not a literal).
variable(pattern) if contains(pattern, "${")

# METADATA
# scope: document
# description: |
#   True when a request value matches a condition value under a positive operator. A policy
#   variable (${aws:SourceVpc}, ${aws:PrincipalTag/x}) is taken to match anything: it is not a
#   literal, and `aws:SourceVpc = ${aws:SourceVpc}` holds for every request.
value_matches(_, pattern, _) if variable(pattern)

value_matches("StringEquals", pattern, value) if pattern == value

value_matches("StringEqualsIgnoreCase", pattern, value) if lower(pattern) == lower(value)

value_matches("StringLike", pattern, value) if wildcard.match(pattern, value)

# ArnEquals and ArnLike behave alike: each of the six colon-separated parts is matched on its own.
value_matches(operator, pattern, value) if {
	operator in {"ArnEquals", "ArnLike"}
	wanted := _arn_parts(pattern)
	given := _arn_parts(value)
	every i, part in wanted {
		wildcard.match(part, given[i])
	}
}

value_matches("IpAddress", pattern, value) if net.cidr_contains(cidr.block(pattern), value)

value_matches("Bool", pattern, value) if lower(pattern) == lower(value)

value_matches("BinaryEquals", pattern, value) if pattern == value

value_matches("NumericEquals", pattern, value) if to_number(value) == to_number(pattern)

value_matches("NumericLessThan", pattern, value) if to_number(value) < to_number(pattern)

value_matches("NumericLessThanEquals", pattern, value) if to_number(value) <= to_number(pattern)

value_matches("NumericGreaterThan", pattern, value) if to_number(value) > to_number(pattern)

value_matches("NumericGreaterThanEquals", pattern, value) if to_number(value) >= to_number(pattern)

value_matches("DateEquals", pattern, value) if _date(value) == _date(pattern)

value_matches("DateLessThan", pattern, value) if _date(value) < _date(pattern)

value_matches("DateLessThanEquals", pattern, value) if _date(value) <= _date(pattern)

value_matches("DateGreaterThan", pattern, value) if _date(value) > _date(pattern)

value_matches("DateGreaterThanEquals", pattern, value) if _date(value) >= _date(pattern)

_date(text) := time.parse_rfc3339_ns(text)

_date(text) := to_number(text) * 1000000000 if regex.match(`^[0-9]+$`, text)

# arn:partition:service:region:account:resource, the resource part keeping its own colons.
_arn_parts(arn) := array.concat(array.slice(parts, 0, 5), [concat(":", array.slice(parts, 5, count(parts)))]) if {
	parts := split(arn, ":")
	count(parts) >= 6
}
