# METADATA
# title: SageMaker notebook lifecycle scripts hold no secrets
# description: |
#   A lifecycle configuration's on-create and on-start scripts run as root on every notebook
#   they are attached to, and anyone allowed DescribeNotebookInstanceLifecycleConfig reads them
#   in full: a credential written into one is shared with all of them. Secrets are found by
#   detect-secrets (bc-detect-secrets, the fork Checkov maintains) in the frontend; the input
#   holds only the kind of each secret and its line, never its text. Every configuration is
#   judged, attached or not: it is made to be attached, and it is readable either way.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-lifecycle-config.html
#     description: Customize a notebook instance using a lifecycle configuration script
#   - ref: https://github.com/bridgecrewio/detect-secrets
#     description: bc-detect-secrets
# schemas:
#   - input: schema.input
# custom:
#   id: SM109
#   severity: HIGH
#   checkov_not_mirrored: Checkov's own secrets framework scans the same scripts (CKV_SECRET_*)
#   resource: lifecycle_config
#   remediation: >-
#     Remove the credential from the script and rotate it; read it at run time from Secrets
#     Manager or SSM Parameter Store with the notebook's execution role.
package smguard.rules.notebook.lifecycle_scripts_without_secrets

import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some config in input.resources.lifecycle_configs
	count(config.secrets) > 0
	found := [sprintf("%s line %d: %s", [secret.script, secret.line, secret.kind]) | some secret in config.secrets]
	finding := result.fail(
		_rule, config, "secrets",
		concat("", ["the scripts hold secrets (", concat("; ", sort(found)), ")"]),
	)
}

findings contains finding if {
	some config in input.resources.lifecycle_configs
	config.secrets == null
	finding := result.unknown(_rule, config, "secrets")
}
