# METADATA
# title: SageMaker VPC endpoint policy is restrictive
# description: |
#   An interface endpoint with no policy gets AWS's default, which allows every principal every
#   action through it, so the endpoint does nothing to keep other accounts' credentials or
#   resources out of the private path. The same holds for an Allow of every action (*,
#   sagemaker:* or NotAction) to every principal without a perimeter condition
#   (aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:PrincipalIsAWSService, the
#   Resource* equivalents). Applies to the SageMaker API, runtime, notebook, Studio and Feature
#   Store runtime endpoints in any region.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html
#     description: Connect to SageMaker through a VPC interface endpoint
#   - ref: https://github.com/aws-samples/data-perimeter-policy-examples
#     description: Data perimeter policy examples (VPC endpoint policies)
# schemas:
#   - input: schema.input
# custom:
#   id: SM501
#   severity: HIGH
#   checkov_not_mirrored: >-
#     judges the endpoint's effective policy, which a separate aws_vpc_endpoint_policy resource
#     replaces; a Checkov resource check sees only the endpoint's inline policy
#   resource: vpc_endpoint
#   remediation: >-
#     Attach an endpoint policy (policy on aws_vpc_endpoint, or aws_vpc_endpoint_policy) that
#     allows only the actions the VPC needs, or conditions wildcard grants on
#     aws:PrincipalOrgID / aws:ResourceOrgID (perimeter.org_id in the smguard config).
package smguard.rules.network.endpoint_policy_restrictive

import data.smguard.lib.iam
import data.smguard.lib.reach
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some endpoint in input.resources.vpc_endpoints
	endpoint.sagemaker_service != null
	finding := _verdict(_rule, endpoint)
}

_verdict(chain, endpoint) := result.unknown(chain, endpoint, "policy") if "policy" in endpoint.meta.unknown

_verdict(chain, endpoint) := result.fail(
	chain, endpoint, "policy",
	"no endpoint policy: the AWS default allows every principal every action",
) if {
	not "policy" in endpoint.meta.unknown
	endpoint.policy == null
}

_verdict(chain, endpoint) := result.fail(
	chain, endpoint, "policy",
	"an Allow grants every action to every principal without a perimeter condition",
) if {
	some statement in endpoint.policy
	statement.effect == "Allow"
	iam.wildcard_principal(statement)
	iam.wildcard_actions(statement)
	not reach.uncertain(statement)
	reach.outside_perimeter(endpoint.policy, statement)
}
