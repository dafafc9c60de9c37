# METADATA
# title: SageMaker notebook instance runs on a supported platform
# description: |
#   A notebook on a platform past its end of support gets no more security updates, and once
#   stopped cannot be started again. Ended, per the SageMaker Developer Guide: notebook-al1-v1
#   (Amazon Linux 1, end of life 2024-03-31), notebook-al2-v1 and notebook-al2-v2 (JupyterLab 1
#   and 3, 2025-06-30), notebook-al2-v3 (Amazon Linux 2, 2026-06-30). notebook-al2023-v1 is
#   supported and, since 2026-05-15, the default: an unset platform_identifier passes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-al2.html
#     description: Amazon Linux 2 notebook instances (support dates of the platforms)
# schemas:
#   - input: schema.input
# custom:
#   id: SM108
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: notebook_instance
#   remediation: >-
#     Set platform_identifier = "notebook-al2023-v1" (Terraform) or PlatformIdentifier (API,
#     CloudFormation), or leave it unset; the platform of an instance cannot be changed in place,
#     so the notebook is recreated.
#   compliance:
#     - control: SageMaker.8
package smguard.rules.notebook.supported_platform

import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

# Platform -> the day its support ended.
_ended := {
	"notebook-al1-v1": "2024-03-31",
	"notebook-al2-v1": "2025-06-30",
	"notebook-al2-v2": "2025-06-30",
	"notebook-al2-v3": "2026-06-30",
}

# The message is built only for a failing notebook (sprintf is a host call in the Wasm engine).
findings contains finding if {
	some notebook in input.resources.notebook_instances
	ended := _ended[notebook.platform_identifier]
	finding := result.fail(
		_rule, notebook, "platform_identifier",
		sprintf("platform %s: support ended %s", [notebook.platform_identifier, ended]),
	)
}

findings contains finding if {
	some notebook in input.resources.notebook_instances
	"platform_identifier" in notebook.meta.unknown
	finding := result.unknown(_rule, notebook, "platform_identifier")
}
