# METADATA
# title: Presigned-URL source ranges are corporate
# description: |
#   A source-IP condition protects only as much as its ranges: a /8 of someone else's network
#   or a typo lets the wrong people in. When access.corporate_cidrs is configured, every
#   aws:SourceIp range that allows (IpAddress in an Allow) or exempts (NotIpAddress in a Deny)
#   presigned-URL access must lie inside one of those CIDRs (IPv4 and IPv6). When
#   access.allowed_vpce_ids is configured, every aws:SourceVpce value must be one of them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
#     description: aws:SourceIp
# schemas:
#   - input: schema.input
# custom:
#   id: SM203
#   severity: MEDIUM
#   checkov_not_mirrored: >-
#     needs access.corporate_cidrs and access.allowed_vpce_ids from the smguard config, which
#     Checkov does not have
#   resource: iam_policy
#   remediation: >-
#     Narrow the aws:SourceIp ranges to the corporate egress ranges in access.corporate_cidrs
#     (and aws:SourceVpce to access.allowed_vpce_ids), or extend the config if a range is
#     corporate.
package smguard.rules.access.source_ranges_corporate

import data.smguard.lib.cidr
import data.smguard.lib.config
import data.smguard.lib.iam
import data.smguard.lib.presigned
import data.smguard.lib.reach
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some policy in input.resources.iam_policies
	outside := _outside(policy)
	count(outside) > 0
	finding := result.fail(
		_rule, policy, "statements",
		sprintf("presigned-URL access is allowed from outside the configured corporate networks: %s", [
			concat(", ", sort(outside)),
		]),
	)
}

findings contains finding if {
	some policy in input.resources.iam_policies
	_unknown_values(policy)
	count(_outside(policy)) == 0
	finding := result.unknown(_rule, policy, "statements")
}

_unknown_values(policy) if {
	some statement in policy.statements
	some condition in statement.conditions
	condition.values_unknown
	_configured(condition.key)
	some action in presigned.actions
	iam.covers(statement, action)
}

# Without the config for a key there is nothing to compare its values with.
_configured("aws:sourceip") if count(config.corporate_cidrs) > 0

_configured("aws:sourcevpce") if count(config.allowed_vpce_ids) > 0

# Grants that SM201/SM202 find open are theirs to report; these are the ones that reach only
# some networks, and the parts of those networks that are not corporate.
_outside(policy) := {block |
	count(config.corporate_cidrs) > 0
	some action in presigned.actions
	some [_, where] in presigned.restricted(policy, action)
	beyond := cidr.region([where.internet.blocks], [where.internet.holes, config.corporate_cidrs])
	some block in cidr.open_blocks(beyond)
} | {endpoint |
	count(config.allowed_vpce_ids) > 0
	some action in presigned.actions
	some [grant, _] in presigned.restricted(policy, action)
	some endpoint in _named_endpoints(policy)
	not endpoint in config.allowed_vpce_ids
	context := object.union(reach.vpc_strangers[0], {"aws:sourcevpce": [endpoint]})
	reach.holds_on(grant, {"aws:sourcevpc", "aws:sourcevpce", "aws:sourceip"}, context)
	not reach.stopped(reach.denies(policy.statements, grant, action), grant, context)
}

_named_endpoints(policy) := {endpoint |
	some statement in policy.statements
	some condition in statement.conditions
	condition.key == "aws:sourcevpce"
	some endpoint in condition.values
}
