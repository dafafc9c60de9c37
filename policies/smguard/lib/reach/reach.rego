# METADATA
# title: Policy evaluator
# description: |
#   Which requests a set of statements allows: from which networks, for which principals, and
#   whether a Deny fires for every request it is meant to stop. It follows AWS's evaluation
#   logic: an explicit Deny overrides an Allow; a statement applies only when all of its
#   conditions hold (ANDed across keys, ORed across values); a Deny that also requires some other
#   key (a tag, a region, a user ID) fires only for that sliver of requests, unless the grant it
#   answers already requires the same. Source addresses are reasoned about as ranges (lib.cidr);
#   VPCs, endpoints, organizations and accounts a policy does not name are stood for by
#   well-formed strangers, and a pattern that lets in every one of them lets in everybody.
#   Reference: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
package smguard.lib.reach

import data.smguard.lib.cidr
import data.smguard.lib.config
import data.smguard.lib.iam
import data.smguard.lib.wildcard

# METADATA
# description: Requests through VPC endpoints of VPCs no policy names (IDs in the current 17-digit form).
vpc_strangers := [
	{"aws:sourcevpc": ["vpc-0f1e2d3c4b5a69788"], "aws:sourcevpce": ["vpce-0f1e2d3c4b5a69788"]},
	{"aws:sourcevpc": ["vpc-07a6b5c4d3e2f1009"], "aws:sourcevpce": ["vpce-07a6b5c4d3e2f1009"]},
]

# METADATA
# description: |
#   Roles of accounts no policy names, calling with resources of their own: members of
#   organizations no policy names, and accounts in no organization (which have no
#   aws:PrincipalOrgID, so an IfExists test lets them through).
principal_strangers := array.concat(_members, [object.remove(member, _org_keys) | some member in _members])

_members := [_stranger("o-q9x8w7v6u5", "r-q9x8", "210987654321"), _stranger("o-zz9yy8xx7w", "r-zz9y", "987650123456")]

_org_keys := {"aws:principalorgid", "aws:principalorgpaths", "aws:resourceorgid", "aws:resourceorgpaths"}

# Strangers of one kind differ only in their IDs: a test lets a kind in when it lets each of them in.
_stranger_kinds := [_members, array.slice(principal_strangers, 2, 4)]

_stranger(org, root, account) := {
	"aws:principalorgid": [org],
	"aws:principalorgpaths": [sprintf("%s/%s/ou-%s-smguard1/", [org, root, root])],
	"aws:principalaccount": [account],
	"aws:principalarn": [sprintf("arn:aws:iam::%s:role/smguard-probe", [account])],
	"aws:principalisawsservice": ["false"],
	"aws:principaltype": ["AssumedRole"],
	"aws:userid": ["AROAEXAMPLEPROBE:smguard"],
	"aws:username": ["smguard-probe"],
	"aws:resourceorgid": [org],
	"aws:resourceorgpaths": [sprintf("%s/%s/ou-%s-smguard1/", [org, root, root])],
	"aws:resourceaccount": [account],
}

# METADATA
# description: True when a statement part that decides its meaning cannot be known from the input.
uncertain(statement) if {
	statement.unknown != [] # nearly always: one comparison, no call
	some part in statement.unknown
	part in {"effect", "actions", "not_actions", "conditions"}
}

# METADATA
# description: The Allow statements, known in full, that grant the action to some request.
grants(statements, action) := [statement | some statement in statements; grant(statement, action)]

# METADATA
# description: True when the statement is an Allow, known in full, of the action to some request.
grant(statement, action) if {
	statement.effect == "Allow"
	iam.covers(statement, action)
	not uncertain(statement)
	satisfiable(statement, iam.network_keys)
}

# METADATA
# description: |
#   True when some request meets the statement's conditions on each key outside `keys` (a tag
#   that must both equal and differ from "ml" is met by none).
satisfiable(statement, keys) if {
	every key in {condition.key | some condition in statement.conditions; not condition.key in keys} {
		some context in _probes(key, statement, statement)
		holds_on(statement, {key}, context)
	}
}

# METADATA
# description: |
#   The Denies of the action that may stop requests the grant allows: known in full, applying to
#   any principal, and covering every resource of the grant.
denies(statements, grant, action) := [statement |
	some statement in statements
	statement.effect == "Deny"
	not uncertain(statement)
	iam.covers(statement, action)
	_any_principal(statement)
	covers_resources(statement, grant)
]

_any_principal(statement) if {
	not is_array(statement.principals)
	not is_array(statement.not_principals)
}

_any_principal(statement) if iam.wildcard_principal(statement)

# METADATA
# description: |
#   True when a Deny covers every resource of the grant (NotResource or a missing Resource in
#   the grant is as good as "*").
covers_resources(deny, grant) if {
	not is_array(deny.not_resources)
	every resource in _resources(grant) {
		some pattern in _resources(deny)
		wildcard.match(pattern, resource)
	}
}

_resources(statement) := statement.resources if {
	is_array(statement.resources)
	not is_array(statement.not_resources)
} else := ["*"]

# METADATA
# description: |
#   True when the Deny fires for every request of the grant's population (all requests, for a
#   grant without conditions) whose keys in `fixed` hold the values of `context`; its conditions
#   on keys in `skipped` are left to the caller. "aws:principaltag/" in `fixed` stands for every
#   principal tag.
fires_for(deny, grant, fixed, context, skipped) if {
	every condition in deny.conditions {
		_fires_on(condition, deny, grant, fixed, context, skipped)
	}
}

_fires_on(condition, _, _, _, _, skipped) if condition.key in skipped

_fires_on(condition, _, _, fixed, context, skipped) if {
	not condition.key in skipped
	_fixed(condition.key, fixed)
	iam.holds(condition, context)
}

_fires_on(condition, deny, grant, fixed, _, skipped) if {
	not condition.key in skipped
	not _fixed(condition.key, fixed)
	every context in _probes(condition.key, deny, grant) {
		_holds_or_outside(condition, grant, context)
	}
}

_fixed(key, fixed) if key in fixed

_fixed(key, fixed) if {
	"aws:principaltag/" in fixed
	startswith(key, "aws:principaltag/")
}

_holds_or_outside(condition, _, context) if iam.holds(condition, context)

_holds_or_outside(condition, grant, context) if {
	some own in grant.conditions
	own.key == condition.key
	not iam.holds(own, context)
}

# One request per class of values a key can hold as far as the two statements can tell: the key
# left out, each value they name (patterns filled in two ways), both Booleans and a stranger.
_probes(key, deny, grant) := {{}} | {{key: [value]} | some value in _probe_values(key, deny, grant)}

_probe_values(key, deny, grant) := {"true", "false", "0", "smguard-other"} | {value |
	some statement in [deny, grant]
	some condition in statement.conditions
	condition.key == key
	some pattern in condition.values
	some value in {replace(replace(pattern, "*", ""), "?", "x"), replace(replace(pattern, "*", "zz"), "?", "x")}
}

# METADATA
# description: The conditions of a statement on the given keys hold for the request context.
holds_on(statement, keys, context) if {
	every condition in statement.conditions {
		_holds_on(condition, keys, context)
	}
}

_holds_on(condition, keys, _) if not condition.key in keys

_holds_on(condition, keys, context) if {
	condition.key in keys
	iam.holds(condition, context)
}

# ---- Networks ----

_vpc_keys := {"aws:sourcevpc", "aws:sourcevpce"}

# METADATA
# scope: document
# description: |
#   Where the requests that the grant allows (after the Denies) can come from:
#   internet, the region of source addresses (lib.cidr) of requests made over the internet;
#   foreign_vpc, true when they get through VPC endpoints of every VPC no policy names.
network(statements, grant, action) := {
	"internet": cidr.region(
		array.concat(_grant_ins(grant), [list | some deny in blocking; some list in _deny_ins(deny)]),
		array.concat(_grant_outs(grant), [list | some deny in blocking; some list in _deny_outs(deny)]),
	),
	"foreign_vpc": _foreign_vpc(grant, denies(statements, grant, action)),
} if {
	blocking := [deny |
		some deny in denies(statements, grant, action)
		fires_for(deny, grant, _vpc_keys, {}, {"aws:sourceip"})
		not _opaque_ip(deny)
	]
}

# METADATA
# description: |
#   True when the grant's requests (after the Denies) come from anywhere: open(network(...)),
#   answered without working out the network when the grant pins a small range of addresses
#   (a positive address test that an absent address fails: no request through a VPC passes it).
open_grant(statements, grant, action) if {
	not _pinned(grant)
	open(network(statements, grant, action))
}

_pinned(grant) if {
	some condition in grant.conditions
	condition.key == "aws:sourceip"
	condition.base == "IpAddress"
	not iam.holds(condition, {})
	not _variable_values(condition)
	count(condition.values) > 0
	not _invalid_values(condition)
	cidr.small(condition.values)
}

# METADATA
# scope: document
# description: True when the requests reach the grant from any address or through any VPC.
open(reach) if cidr.unrestricted(reach.internet)

open(reach) if reach.foreign_vpc == true

# Over the internet there is no source VPC: a test that fails for absent VPC keys rules it out.
_grant_ins(grant) := [[]] if not holds_on(grant, _vpc_keys, {})

_grant_ins(grant) := _ip_lists(grant, "IpAddress") if holds_on(grant, _vpc_keys, {})

_grant_outs(grant) := _ip_lists(grant, "NotIpAddress")

_ip_lists(statement, base) := [condition.values |
	some condition in statement.conditions
	condition.key == "aws:sourceip"
	condition.base == base
	not _variable_values(condition)
	not _invalid_values(condition)
]

# A value that is no address (a document not made by smguard's frontends, which refuse it): the
# test restricts nothing in a grant, and a Deny with it is not counted on. Never a silent pass.
_invalid_values(condition) if {
	some value in condition.values
	not cidr.valid(value)
}

# A Deny fires over the internet on ⋂ ins \ ⋃ outs; its complement narrows the grant's region.
# No address test: it fires everywhere. Only NotIpAddress tests (the usual "outside the office"):
# the grant keeps their union. Only IpAddress tests (a block list): the grant loses their
# intersection.
_deny_ins(deny) := [[]] if _deny_tests(deny) == [0, 0]

_deny_ins(deny) := [[block | some list in _ip_lists(deny, "NotIpAddress"); some block in list]] if {
	[ins, outs] := _deny_tests(deny)
	ins == 0
	outs > 0
}

_deny_ins(deny) := [] if {
	[ins, _] := _deny_tests(deny)
	ins > 0
}

_deny_outs(deny) := [cidr.within_all(_ip_lists(deny, "IpAddress"))] if {
	[ins, outs] := _deny_tests(deny)
	ins > 0
	outs == 0
}

_deny_outs(deny) := [] if {
	[ins, outs] := _deny_tests(deny)
	not _only_ins(ins, outs)
}

_only_ins(ins, outs) if {
	ins > 0
	outs == 0
}

_deny_tests(deny) := [count(_ip_lists(deny, "IpAddress")), count(_ip_lists(deny, "NotIpAddress"))]

# Address tests other than IpAddress/NotIpAddress, or a variable in a NotIpAddress: what the
# Deny does is not worked out, so it is not counted on (a Deny mixing IpAddress and NotIpAddress
# tests is likewise left out by _deny_ins/_deny_outs).
_opaque_ip(deny) if {
	some condition in deny.conditions
	condition.key == "aws:sourceip"
	not condition.base in {"IpAddress", "NotIpAddress"}
}

_opaque_ip(deny) if {
	some condition in deny.conditions
	condition.key == "aws:sourceip"
	_variable_values(condition)
}

_opaque_ip(deny) if {
	some condition in deny.conditions
	condition.key == "aws:sourceip"
	_invalid_values(condition)
}

_opaque_ip(deny) if {
	[ins, outs] := _deny_tests(deny)
	ins > 0
	outs > 0
}

_variable_values(condition) if {
	some value in condition.values
	iam.variable(value)
}

# Every stranger VPC's requests get through: the grant's network tests hold for it (source IP
# absent), and no Deny fires for it.
_foreign_vpc(grant, denies) if {
	every context in vpc_strangers {
		holds_on(grant, iam.network_keys, context)
		not stopped(denies, grant, context)
	}
} else := false

# METADATA
# description: True when one of the Denies fires for the grant's requests with the given network context.
stopped(denies, grant, context) if {
	some deny in denies
	fires_for(deny, grant, iam.network_keys, context, set())
}

# ---- Perimeters ----

# METADATA
# scope: document
# description: |
#   True when the grant lets principals of accounts and organizations outside the perimeter
#   (with resources of their own) make its requests, after the Denies of the statements.
perimeter_open(statements, grant) if {
	satisfiable(grant, iam.perimeter_keys)
	some kind in _stranger_kinds
	every context in kind {
		holds_on(grant, iam.perimeter_keys, context)
		not _perimeter_stopped(statements, grant, context)
	}
}

_perimeter_stopped(statements, grant, context) if {
	some deny in statements
	deny.effect == "Deny"
	not uncertain(deny)
	_any_principal(deny)
	_covers_grant(deny, grant)
	covers_resources(deny, grant)
	fires_for(deny, grant, iam.perimeter_keys | iam.principal_keys, context, set())
}

# A Deny covers every action of a grant: "*", or a pattern matching each of the grant's patterns.
_covers_grant(deny, _) if {
	some pattern in deny.actions
	pattern in {"*", "*:*"}
}

_covers_grant(deny, grant) if {
	is_array(grant.actions)
	every action in grant.actions {
		some pattern in deny.actions
		wildcard.match(pattern, action)
	}
}

# METADATA
# scope: document
# description: |
#   True when the grant reaches principals outside the perimeter: strangers, or, when
#   perimeter.org_id / account_ids are configured, the organizations and accounts the policy
#   names that are not those.
outside_perimeter(statements, grant) if perimeter_open(statements, grant)

outside_perimeter(statements, grant) if {
	satisfiable(grant, iam.perimeter_keys)
	some context in _named_outsiders(statements)
	holds_on(grant, iam.perimeter_keys, context)
	not _perimeter_stopped(statements, grant, context)
}

_named_outsiders(statements) := {object.union(principal_strangers[0], {condition.key: [value]}) |
	some statement in statements
	some condition in statement.conditions
	condition.key in iam.perimeter_keys
	some value in condition.values
	not iam.variable(value)
	_mismatch(condition.key, _case(condition, value))
}

# Organization IDs compared under an IgnoreCase operator are compared as AWS would.
_case(condition, value) := lower(value) if endswith(condition.base, "IgnoreCase")

_case(condition, value) := value if not endswith(condition.base, "IgnoreCase")

_mismatch(key, value) if {
	key in {"aws:principalorgid", "aws:resourceorgid"}
	config.org_id != ""
	value != config.org_id
}

_mismatch(key, value) if {
	key in {"aws:principalaccount", "aws:resourceaccount"}
	count(config.account_ids) > 0
	not value in config.account_ids
}

_mismatch(key, value) if {
	key in {"aws:principalorgpaths", "aws:resourceorgpaths"}
	config.org_id != ""
	not startswith(value, concat("", [config.org_id, "/"]))
}

_mismatch("aws:principalarn", value) if {
	count(config.account_ids) > 0
	not split(value, ":")[4] in config.account_ids
}

# ---- Guardrails ----

# METADATA
# description: |
#   True when a Deny fires for every request from principals no exemption names, whatever
#   else the request holds, once the keys in `fixed` take the values of `context`.
fires_for_everyone(deny, fixed, context) if {
	keys := (fixed | iam.principal_keys) | {"aws:principaltag/"}
	every stranger in principal_strangers {
		fires_for(deny, {"conditions": []}, keys, object.union(stranger, context), set())
	}
}
