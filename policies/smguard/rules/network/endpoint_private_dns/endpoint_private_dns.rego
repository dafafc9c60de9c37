# METADATA
# title: SageMaker interface VPC endpoint has private DNS enabled
# description: |
#   Without private DNS, the SageMaker hostnames the SDKs, the console and presigned URLs use
#   still resolve to public addresses, so traffic leaves through the internet path unless
#   every client is configured with the endpoint-specific hostname. Absent means disabled.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#private-dns
#     description: Private DNS for interface endpoints
# schemas:
#   - input: schema.input
# custom:
#   id: SM503
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: vpc_endpoint
#   remediation: >-
#     Set private_dns_enabled = true (Terraform) or PrivateDnsEnabled: true on the interface
#     endpoint, with enableDnsSupport and enableDnsHostnames on the VPC.
package smguard.rules.network.endpoint_private_dns

import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some endpoint in input.resources.vpc_endpoints
	not endpoint.private_dns_enabled == true # the compliant majority stops here, before any call
	endpoint.sagemaker_service != null
	endpoint.endpoint_type == "Interface"
	finding := result.verdict(
		_rule, endpoint, "private_dns_enabled",
		"private DNS is disabled (an absent setting means disabled)",
	)
}

findings contains finding if {
	some endpoint in input.resources.vpc_endpoints
	endpoint.sagemaker_service != null
	value.undecided(endpoint, "endpoint_type")
	finding := result.unknown(_rule, endpoint, "endpoint_type")
}
