# METADATA
# title: IAM policy semantics
# description: |
#   Action matching and condition tests as IAM evaluates them, on the normalized statements
#   of the canonical document (actions and condition keys already lower-cased).
package smguard.lib.iam

import data.smguard.lib.config
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

# Values that restrict nothing.
_everything := {"*", "0.0.0.0/0", "::/0"}

_positive_operators := {
	"StringEquals", "StringEqualsIgnoreCase", "StringLike",
	"IpAddress", "ArnEquals", "ArnLike", "Bool",
}

# METADATA
# description: |
#   Negated condition operators (IfExists split off): IAM holds them true for a key the request
#   leaves out, except under ForAnyValue.
negative_operators := {
	"StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike",
	"ArnNotEquals", "ArnNotLike", "NotIpAddress",
}

# METADATA
# description: True when an IAM action pattern (with * and ?) matches a lower-cased action.
action_matches(pattern, action) if wildcard.match(pattern, action)

# METADATA
# scope: document
# description: True when the statement's Action (or NotAction) covers the action.
covers(statement, action) if {
	some pattern in statement.actions
	action_matches(pattern, action)
}

covers(statement, action) if {
	is_array(statement.not_actions)
	every pattern in statement.not_actions {
		not action_matches(pattern, action)
	}
}

# METADATA
# description: True when a statement part cannot be known from the input.
unknown_part(statement, part) if part in statement.unknown

# METADATA
# scope: document
# description: |
#   An Allow whose conditions pin the request to a network: a positive test on a network key,
#   not IfExists (an absent key would pass), not ForAllValues (which is true for an absent key),
#   and not a match-everything value. Values known only at apply (an endpoint ID created in the
#   same plan) still pin it, as they do in a Deny; SM203 judges the values when it can.
network_restricted_allow(statement) if {
	some condition in statement.conditions
	condition.key in network_keys
	_binding_positive(condition)
}

network_restricted_allow(statement) if {
	some condition in statement.conditions
	condition.key in network_keys
	condition.values_unknown
	condition.base in _positive_operators
	not condition.if_exists
	condition.qualifier != "ForAllValues"
	not _matches_everything(condition)
}

# METADATA
# description: |
#   A Deny of the action unless the request comes from a network: a negative test on a network
#   key, not ForAnyValue (which is false for an absent key, letting such requests through).
network_restricting_deny(statement, action) if {
	statement.effect == "Deny"
	covers(statement, action)
	some condition in statement.conditions
	condition.key in network_keys
	condition.base in negative_operators
	condition.qualifier != "ForAnyValue"
	not _matches_everything(condition)
}

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
# description: |
#   True when a statement carries a data-perimeter condition that binds, and whose values match
#   perimeter.org_id / perimeter.account_ids where those are configured.
perimeter_condition(statement) if {
	some condition in statement.conditions
	condition.key in perimeter_keys
	_binding_positive(condition)
	_matches_configured_perimeter(condition)
}

_binding_positive(condition) if {
	condition.base in _positive_operators
	not condition.if_exists
	condition.qualifier != "ForAllValues"
	count(condition.values) > 0
	not _matches_everything(condition)
	not _false_bool(condition)
}

_matches_everything(condition) if {
	some value in condition.values
	value in _everything
}

# A pattern or range that takes in unrelated organizations, accounts or networks pins nothing:
# "o-*", "arn:aws:iam::*:*", "vpc-*", 0.0.0.0/1 with 128.0.0.0/1.
_matches_everything(condition) if {
	condition.base in _pattern_operators
	every probe in _strangers[condition.key] {
		some value in condition.values
		wildcard.match(value, probe)
	}
}

_matches_everything(condition) if {
	condition.base in {"IpAddress", "NotIpAddress"}
	every probe in {"1.1.1.1", "100.64.0.1", "128.0.0.1", "223.255.255.254"} {
		some value in condition.values
		net.cidr_contains(value, probe)
	}
}

# A principal ARN pattern with a wildcard account takes in that name in every account.
_matches_everything(condition) if {
	condition.key == "aws:principalarn"
	condition.base in _pattern_operators
	some value in condition.values
	regex.match(`[*?]`, split(value, ":")[4])
}

_pattern_operators := {"StringLike", "StringNotLike", "ArnLike", "ArnNotLike"}

# Pairs of values of each key that no single perimeter holds both of.
_strangers := {
	"aws:principalorgid": {"o-aaaaaaaaaa", "o-zzzzzzzzzz"},
	"aws:resourceorgid": {"o-aaaaaaaaaa", "o-zzzzzzzzzz"},
	"aws:principalorgpaths": {"o-aaaaaaaaaa/r-aaaa/", "o-zzzzzzzzzz/r-zzzz/"},
	"aws:resourceorgpaths": {"o-aaaaaaaaaa/r-aaaa/", "o-zzzzzzzzzz/r-zzzz/"},
	"aws:principalaccount": {"000000000000", "999999999999"},
	"aws:resourceaccount": {"000000000000", "999999999999"},
	"aws:principalarn": {"arn:aws:iam::000000000000:role/a", "arn:aws:iam::999999999999:user/z"},
	"aws:sourcevpc": {"vpc-00000000", "vpc-ffffffffffffffff"},
	"aws:sourcevpce": {"vpce-00000000", "vpce-ffffffffffffffff"},
}

_false_bool(condition) if {
	condition.base == "Bool"
	some value in condition.values
	lower(value) != "true"
}

_matches_configured_perimeter(condition) if not _perimeter_mismatch(condition)

_perimeter_mismatch(condition) if {
	condition.key in {"aws:principalorgid", "aws:resourceorgid"}
	config.org_id != ""
	some value in condition.values
	value != config.org_id
}

_perimeter_mismatch(condition) if {
	condition.key in {"aws:principalaccount", "aws:resourceaccount"}
	count(config.account_ids) > 0
	some value in condition.values
	not value in config.account_ids
}

_perimeter_mismatch(condition) if {
	condition.key in {"aws:principalorgpaths", "aws:resourceorgpaths"}
	config.org_id != ""
	some value in condition.values
	not startswith(value, concat("", [config.org_id, "/"]))
}

_perimeter_mismatch(condition) if {
	condition.key == "aws:principalarn"
	count(config.account_ids) > 0
	some value in condition.values
	not split(value, ":")[4] in config.account_ids
}
