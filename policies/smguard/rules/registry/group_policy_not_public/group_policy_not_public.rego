# METADATA
# title: SageMaker model package groups are not public
# description: |
#   A model package group's resource policy shares its model versions across accounts. An
#   Allow to Principal "*" (or NotPrincipal) without a perimeter condition lets any AWS account
#   describe, and with the usual actions deploy, the models: their artifacts, images and
#   inference code. When perimeter.org_id or perimeter.account_ids is configured, the
#   condition's values must be those. A group without a policy is private. Read from Terraform
#   (aws_sagemaker_model_package_group_policy), CloudFormation (ModelPackageGroupPolicy),
#   PutModelPackageGroupPolicy requests and live accounts (GetModelPackageGroupPolicy).
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-ram.html
#     description: Cross-account sharing of model groups
# schemas:
#   - input: schema.input
# custom:
#   id: SM731
#   severity: HIGH
#   checkov_not_mirrored: >-
#     judges the whole policy (a Deny elsewhere in it can close the grant), through the same
#     perimeter reasoning as SM502, which a Checkov resource check does not have
#   resource: model_package_group
#   remediation: >-
#     Name the accounts that may use the group as principals, or add aws:PrincipalOrgID (or
#     aws:PrincipalAccount) with your organization or accounts to every Allow to Principal "*".
package smguard.rules.registry.group_policy_not_public

import data.smguard.lib.iam
import data.smguard.lib.reach
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some group in input.resources.model_package_groups
	some statement in group.policy
	statement.effect == "Allow"
	iam.wildcard_principal(statement)
	not reach.uncertain(statement)
	reach.outside_perimeter(group.policy, statement)
	finding := result.fail(
		_rule, group, "policy",
		concat("", [
			"an Allow to Principal \"*\" reaches principals outside the perimeter ",
			"(no condition or Deny ties it to the configured organization or accounts)",
		]),
	)
}

findings contains finding if {
	some group in input.resources.model_package_groups
	"policy" in group.meta.unknown
	finding := result.unknown(_rule, group, "policy")
}

findings contains finding if {
	some group in input.resources.model_package_groups
	some statement in group.policy
	iam.wildcard_principal(statement)
	reach.uncertain(statement)
	finding := result.unknown_because(
		_rule, group, "policy",
		"a statement to Principal \"*\" has parts that cannot be known from this input",
	)
}
