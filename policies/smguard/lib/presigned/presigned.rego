# METADATA
# title: Presigned-URL grants
# description: |
#   Which statements of an identity policy let a presigned-URL action be called from anywhere,
#   shared by the notebook and the Studio presigned-URL rules and the corporate-ranges rule.
package smguard.lib.presigned

import data.smguard.lib.cidr
import data.smguard.lib.iam
import data.smguard.lib.reach
import data.smguard.lib.result

# METADATA
# description: The presigned-URL actions, lower-cased as the canonical document holds actions.
actions := {"sagemaker:createpresignednotebookinstanceurl", "sagemaker:createpresigneddomainurl"}

# METADATA
# scope: document
# description: |
#   The verdict on one policy for one action: fail when a grant lets it be called from any
#   address or through any VPC once the policy's Denies are applied; unknown when that cannot be
#   known.
verdict(rule, policy, action) := result.unknown(rule, policy, "statements") if {
	"statements" in policy.meta.unknown
} else := result.fail(rule, policy, "statements", message) if {
	open := _open(policy, action)
	count(open) > 0
	message := concat("", [
		action, " is allowed from anywhere, and no Deny of the policy stops it: ",
		concat("; ", sort(open)),
	])
} else := result.unknown(rule, policy, "statements") if {
	_may_grant(policy, action)
}

_may_grant(policy, action) if {
	some statement in policy.statements
	_possible_grant(statement, action)
}

# METADATA
# description: |
#   The grants of the action that reach no further than some network, each with where its
#   requests can come from (reach.network).
restricted(policy, action) := [[statement, where] |
	some statement in reach.grants(policy.statements, action)
	not reach.open_grant(policy.statements, statement, action)
	where := reach.network(policy.statements, statement, action)
]

_open(policy, action) := {concat("", [_name(i, statement), " (", concat(" and ", sort(_where(where))), ")"]) |
	some i, statement in policy.statements
	statement.effect == "Allow" # as reach.grant asks first, without its call for every Deny
	reach.grant(statement, action)
	reach.open_grant(policy.statements, statement, action)
	where := reach.network(policy.statements, statement, action)
}

_where(where) := {concat("", ["from ", concat(", ", array.slice(cidr.open_blocks(where.internet), 0, 4))]) |
	cidr.unrestricted(where.internet)
} | {"through any VPC endpoint" | where.foreign_vpc}

# A statement whose meaning is partly unknown may be a grant nothing restricts.
_possible_grant(statement, action) if {
	reach.uncertain(statement)
	_may_allow(statement)
	_may_cover(statement, action)
	_may_be_open(statement, action)
}

_may_allow(statement) if statement.effect == "Allow"

_may_allow(statement) if iam.unknown_part(statement, "effect")

_may_cover(statement, action) if iam.covers(statement, action)

_may_cover(statement, _) if iam.unknown_part(statement, "actions")

_may_cover(statement, _) if iam.unknown_part(statement, "not_actions")

_may_be_open(statement, action) if reach.open_grant([statement], statement, action)

_may_be_open(statement, _) if iam.unknown_part(statement, "conditions")

_name(_, statement) := sprintf("statement %q", [statement.sid]) if statement.sid != null

_name(i, statement) := concat("", ["statement #", format_int(i, 10)]) if statement.sid == null
