# METADATA
# title: Presigned Studio domain URL grants are network-restricted
# description: |
#   CreatePresignedDomainUrl hands out a URL that logs into SageMaker Studio as a user profile.
#   Like the notebook URL, it must be granted only from corporate ranges or through the
#   customer's VPC or VPC endpoints (aws:SourceIp, aws:SourceVpc, aws:SourceVpce), or denied
#   from anywhere else; the same forms of grant and the same non-binding conditions apply.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/studio-interface-endpoint.html
#     description: Connect to SageMaker Studio through an interface VPC endpoint
# schemas:
#   - input: schema.input
# custom:
#   id: SM202
#   severity: HIGH
#   checkov_not_mirrored: >-
#     judges all statements of a policy together (Allow grants against Deny restrictions) with
#     IAM action and condition semantics; a Python restatement of smguard.lib.iam would be a
#     second implementation to drift
#   resource: iam_policy
#   remediation: >-
#     Add a Condition on aws:SourceIp, aws:SourceVpc or aws:SourceVpce to every Allow of
#     sagemaker:CreatePresignedDomainUrl, or add a Deny of the action with NotIpAddress /
#     StringNotEquals on those keys.
package smguard.rules.access.presigned_domain_url_restricted

import data.smguard.lib.presigned
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some policy in input.resources.iam_policies
	finding := presigned.verdict(_rule, policy, "sagemaker:createpresigneddomainurl")
}
