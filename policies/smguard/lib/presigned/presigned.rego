# METADATA
# title: Presigned-URL grants
# description: |
#   Which statements of an identity policy grant a presigned-URL action without tying it to a
#   network, shared by the notebook and the Studio presigned-URL rules.
package smguard.lib.presigned

import data.smguard.lib.iam
import data.smguard.lib.result
import data.smguard.lib.value
import data.smguard.lib.wildcard

# METADATA
# description: The presigned-URL actions, lower-cased as the canonical document holds actions.
actions := {"sagemaker:createpresignednotebookinstanceurl", "sagemaker:createpresigneddomainurl"}

# METADATA
# scope: document
# description: |
#   The verdict on one policy for one action: fail when a statement grants it without a network
#   condition and no Deny in the policy restricts it; unknown when that cannot be known.
verdict(chain, policy, _) := result.unknown(chain, policy, "statements") if {
	value.unknown(policy, "statements")
}

verdict(chain, policy, action) := result.fail(chain, policy, "statements", message) if {
	grants := _grants(policy, action)
	count(grants) > 0
	not _restricted_by_deny(policy, action)
	message := sprintf(
		"%s grants %s without an aws:SourceIp, aws:SourceVpc or aws:SourceVpce condition, and no Deny restricts it",
		[concat(", ", sort(grants)), action],
	)
}

verdict(chain, policy, action) := result.unknown(chain, policy, "statements") if {
	not value.unknown(policy, "statements")
	count(_grants(policy, action)) == 0
	not _restricted_by_deny(policy, action)
	some statement in policy.statements
	_possible_grant(statement, action)
}

_grants(policy, action) := {_name(i, statement) |
	some i, statement in policy.statements
	_granting(statement, action)
	not _uncertain(statement)
	not iam.network_restricted_allow(statement)
}

_uncertain(statement) if {
	some part in {"effect", "actions", "not_actions", "conditions"}
	iam.unknown_part(statement, part)
}

_possible_grant(statement, action) if {
	_uncertain(statement)
	_may_allow(statement)
	_may_cover(statement, action)
	_may_be_unrestricted(statement)
}

_may_allow(statement) if statement.effect == "Allow"

_may_allow(statement) if iam.unknown_part(statement, "effect")

_may_cover(statement, action) if iam.covers(statement, action)

_may_cover(statement, _) if iam.unknown_part(statement, "actions")

_may_cover(statement, _) if iam.unknown_part(statement, "not_actions")

_may_be_unrestricted(statement) if not iam.network_restricted_allow(statement)

_may_be_unrestricted(statement) if iam.unknown_part(statement, "conditions")

_restricted_by_deny(policy, action) if {
	some deny in policy.statements
	not _uncertain(deny)
	iam.network_restricting_deny(deny, action)
	every grant in policy.statements {
		_reaches(deny, grant, action)
	}
}

# A Deny restricts a grant only on the resources it names: every resource of the grant.
_reaches(_, grant, action) if not _granting(grant, action)

_reaches(deny, grant, action) if {
	_granting(grant, action)
	not is_array(deny.not_resources)
	every resource in _resources(grant) {
		some pattern in _resources(deny)
		wildcard.match(pattern, resource)
	}
}

_granting(statement, action) if {
	statement.effect == "Allow"
	iam.covers(statement, action)
}

# NotResource grants all but a few resources, as good as "*" here; so does a missing Resource.
_resources(statement) := statement.resources if {
	is_array(statement.resources)
	not is_array(statement.not_resources)
} else := ["*"]

_name(_, statement) := sprintf("statement %q", [statement.sid]) if statement.sid != null

_name(i, statement) := sprintf("statement #%d", [i]) if statement.sid == null
