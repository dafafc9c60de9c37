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

import data.smguard.lib.config
import data.smguard.lib.iam
import data.smguard.lib.presigned
import data.smguard.lib.result

findings contains finding if {
	some policy in input.resources.iam_policies
	outside := _outside(policy)
	count(outside) > 0
	finding := result.fail(
		rego.metadata.chain(), policy, "statements",
		sprintf("presigned-URL access is allowed from outside the configured corporate networks: %s", [
			concat(", ", sort(outside)),
		]),
	)
}

findings contains finding if {
	some policy in input.resources.iam_policies
	count(_outside(policy)) == 0
	some condition in _source_conditions(policy)
	condition.values_unknown
	_configured(condition.key)
	finding := result.unknown(rego.metadata.chain(), policy, "statements")
}

# Without the config for a key there is nothing to compare its values with.
_configured("aws:sourceip") if count(config.corporate_cidrs) > 0

_configured("aws:sourcevpce") if count(config.allowed_vpce_ids) > 0

_outside(policy) := {value |
	some condition in _source_conditions(policy)
	condition.key == "aws:sourceip"
	count(config.corporate_cidrs) > 0
	some value in condition.values
	not _corporate(value)
} | {value |
	some condition in _source_conditions(policy)
	condition.key == "aws:sourcevpce"
	count(config.allowed_vpce_ids) > 0
	some value in condition.values
	not value in config.allowed_vpce_ids
}

_corporate(range) if {
	some cidr in config.corporate_cidrs
	net.cidr_contains(cidr, range)
}

# Network conditions that decide who may use a presigned-URL action: the ranges an Allow
# admits and the ranges a restricting Deny exempts.
_source_conditions(policy) := {condition |
	some statement in policy.statements
	some action in presigned.actions
	some condition in (_allowing(statement, action) | _exempting(statement, action))
}

_allowing(statement, action) := {condition |
	statement.effect == "Allow"
	iam.covers(statement, action)
	some condition in statement.conditions
	condition.key in iam.network_keys
	condition.base in {"IpAddress", "StringEquals", "StringEqualsIgnoreCase", "StringLike"}
}

_exempting(statement, action) := {condition |
	iam.network_restricting_deny(statement, action)
	some condition in statement.conditions
	condition.key in iam.network_keys
	condition.base in {"NotIpAddress", "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike"}
}
