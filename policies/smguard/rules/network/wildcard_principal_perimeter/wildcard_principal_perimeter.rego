# METADATA
# title: SageMaker VPC endpoint wildcard principals carry a perimeter condition
# description: |
#   Endpoint policies scoped to a few actions still usually name Principal "*" (AWS's own
#   examples do). Without a perimeter condition any AWS account's credentials can use those
#   actions through the endpoint, e.g. to create presigned URLs for or invoke resources in
#   another account and move data out through the private path. When perimeter.org_id or
#   perimeter.account_ids is configured, the condition's values must be those.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
#     description: aws:PrincipalOrgID
# schemas:
#   - input: schema.input
# custom:
#   id: SM502
#   severity: MEDIUM
#   checkov_not_mirrored: >-
#     judges the endpoint's effective policy, which a separate aws_vpc_endpoint_policy resource
#     replaces; a Checkov resource check sees only the endpoint's inline policy
#   resource: vpc_endpoint
#   remediation: >-
#     Add aws:PrincipalOrgID (or aws:PrincipalAccount / aws:PrincipalArn) with your organization
#     or accounts to every Allow statement with Principal "*".
package smguard.rules.network.wildcard_principal_perimeter

import data.smguard.lib.iam
import data.smguard.lib.reach
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some endpoint in input.resources.vpc_endpoints
	endpoint.sagemaker_service != null
	some statement in endpoint.policy
	statement.effect == "Allow"
	iam.wildcard_principal(statement)
	not iam.wildcard_actions(statement)
	not reach.uncertain(statement)
	reach.outside_perimeter(endpoint.policy, statement)
	finding := result.fail(
		_rule, endpoint, "policy",
		concat("", [
			"an Allow to Principal \"*\" reaches principals outside the perimeter ",
			"(no condition or Deny ties it to the configured organization or accounts)",
		]),
	)
}
