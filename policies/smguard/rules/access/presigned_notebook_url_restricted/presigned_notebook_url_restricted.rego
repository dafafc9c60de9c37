# METADATA
# title: Presigned notebook URL grants are network-restricted
# description: |
#   Whoever may call CreatePresignedNotebookInstanceUrl gets a URL that opens the notebook's
#   Jupyter with the notebook's execution role. AWS's guidance is to allow it only from
#   corporate ranges (aws:SourceIp) or through the customer's VPC or VPC endpoints
#   (aws:SourceVpc, aws:SourceVpce), or to deny it from anywhere else. A grant through
#   sagemaker:*, *, a CreatePresigned* prefix or a NotAction counts as a grant. Conditions that
#   bind nothing do not count: IfExists (an absent key passes), ForAllValues (true for an absent
#   key), or 0.0.0.0/0.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-ip-filter.html
#     description: Limit access to a notebook instance by IP address
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-interface-endpoint.html
#     description: Connect to a notebook instance through a VPC interface endpoint
# schemas:
#   - input: schema.input
# custom:
#   id: SM201
#   severity: HIGH
#   checkov_not_mirrored: >-
#     judges all statements of a policy together (Allow grants against Deny restrictions) with
#     IAM action and condition semantics; a Python restatement of smguard.lib.iam would be a
#     second implementation to drift
#   resource: iam_policy
#   remediation: >-
#     Add a Condition on aws:SourceIp (IpAddress, corporate CIDRs), aws:SourceVpc or
#     aws:SourceVpce (StringEquals) to every Allow of sagemaker:CreatePresignedNotebookInstanceUrl,
#     or add a Deny of the action with NotIpAddress / StringNotEquals on those keys.
package smguard.rules.access.presigned_notebook_url_restricted

import data.smguard.lib.presigned
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some policy in input.resources.iam_policies
	finding := presigned.verdict(_rule, policy, "sagemaker:createpresignednotebookinstanceurl")
}
