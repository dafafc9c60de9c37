# METADATA
# title: No unrestricted SageMaker administration
# description: |
#   A grant of every SageMaker action on every resource (sagemaker:*, *, or a NotAction that
#   leaves SageMaker in) lets its holder undo every other control: create notebooks with
#   internet access, open presigned URLs, start jobs outside the VPC, delete endpoints. AWS's
#   AmazonSageMakerFullAccess is such a grant. It belongs only to the administrators named in
#   access.admin_principals; a policy attached to anyone else, or attached to nobody the input
#   shows, fails. AWS-managed policies attached by ARN are judged by their published documents.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/security-iam-awsmanpol.html
#     description: AWS managed policies for Amazon SageMaker AI
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#     description: Apply least-privilege permissions
# schemas:
#   - input: schema.input
# custom:
#   id: SM204
#   severity: HIGH
#   checkov_not_mirrored: >-
#     judges the statements of a policy with IAM action and resource semantics, and AWS-managed
#     policies by their documents; a Python restatement of smguard.lib.iam would be a second
#     implementation to drift
#   resource: iam_policy
#   remediation: >-
#     Grant the SageMaker actions each role needs on the resources it needs (or the narrower AWS
#     managed policies), and list real administrators in access.admin_principals.
package smguard.rules.access.administration_restricted

import data.smguard.lib.config
import data.smguard.lib.iam
import data.smguard.lib.reach
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some policy in input.resources.iam_policies
	not "statements" in policy.meta.unknown
	grants := {_name(i, statement) |
		some i, statement in policy.statements
		statement.effect == "Allow" # as _administers asks first, without its call for every Deny
		_administers(statement)
	}
	count(grants) > 0
	outsiders := _outsiders(policy)
	count(outsiders) > 0
	finding := result.fail(_rule, policy, "statements", sprintf(
		"every SageMaker action on every resource (%s) is granted to %s, not listed in access.admin_principals",
		[concat(", ", sort(grants)), concat(", ", sort(outsiders))],
	))
}

# An AWS-managed policy whose document the data package does not hold: never a silent pass.
findings contains finding if {
	some policy in input.resources.iam_policies
	"statements" in policy.meta.unknown
	finding := result.unknown(_rule, policy, "statements")
}

# Every SageMaker action: an action of each kind the service has must be covered.
_probes := {"sagemaker:createnotebookinstance", "sagemaker:deleteendpoint", "sagemaker:createpresigneddomainurl"}

_administers(statement) if {
	statement.effect == "Allow"
	not reach.uncertain(statement)
	every action in _probes {
		iam.covers(statement, action)
	}
	_all_resources(statement)
}

# "*" or a SageMaker ARN of wildcards; NotResource (as in AmazonSageMakerFullAccess) is every
# resource but the few it lists; a missing Resource is every resource too.
_all_resources(statement) if {
	not is_array(statement.not_resources)
	some resource in statement.resources
	resource in {"*", "arn:aws:sagemaker:*:*:*", "arn:*:sagemaker:*:*:*"}
}

_all_resources(statement) if is_array(statement.not_resources)

_all_resources(statement) if {
	not is_array(statement.resources)
	not is_array(statement.not_resources)
}

_outsiders(policy) := {"whoever it is attached to"} if count(_attached(policy)) == 0

_outsiders(policy) := {principal |
	some principal in _attached(policy)
	not _admin(principal)
} if {
	count(_attached(policy)) > 0
}

_attached(policy) := object.get(policy, "attached_to", [])

# A principal is listed by name or ARN; an ARN's last path segment is its name.
_admin(principal) if principal in config.admin_principals

_admin(principal) if {
	parts := split(principal, "/")
	parts[count(parts) - 1] in config.admin_principals
}

_name(_, statement) := sprintf("statement %q", [statement.sid]) if statement.sid != null

_name(i, statement) := sprintf("statement #%d", [i]) if statement.sid == null
