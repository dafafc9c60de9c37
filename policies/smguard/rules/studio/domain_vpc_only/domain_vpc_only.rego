# METADATA
# title: SageMaker Studio domain is VPC-only
# description: |
#   With PublicInternetOnly (the default) Studio apps reach the internet through SageMaker's
#   own network, outside the customer's VPC controls. VpcOnly sends all traffic through the
#   domain's VPC subnets and security groups.
# schemas:
#   - input: schema.input
# custom:
#   id: SM601
#   severity: HIGH
#   checkov_mirror: true
#   resource: domain
#   remediation: >-
#     Set app_network_access_type = "VpcOnly" (Terraform) or AppNetworkAccessType: VpcOnly, with
#     subnets that reach the SageMaker VPC endpoints.
package smguard.rules.studio.domain_vpc_only

import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.domains
	not resource.app_network_access_type == "VpcOnly" # the compliant majority stops here, before any call
	finding := result.verdict(
		_rule, resource, "app_network_access_type",
		"the domain uses PublicInternetOnly (an absent setting means PublicInternetOnly)",
	)
}
