# METADATA
# title: SageMaker jobs run in the customer VPC
# description: |
#   Without a VpcConfig, training containers run in a SageMaker-managed VPC with internet
#   access: training data and model artifacts can leave, and code can be pulled, outside any
#   customer control. A VpcConfig needs both subnets and security groups. Covers training
#   jobs, every training definition of a tuning job, processing jobs (NetworkConfig) and AutoML
#   jobs (SecurityConfig), in Terraform resources, pipeline steps, Step Functions tasks, API
#   requests and live accounts; a value the pipeline fills in at run time is unknown.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html
#     description: Give SageMaker training jobs access to resources in your Amazon VPC
# schemas:
#   - input: schema.input
# custom:
#   id: SM301
#   severity: HIGH
#   checkov_mirror: true
#   resource: training_job
#   remediation: >-
#     Set vpc_config { subnets, security_group_ids } (Terraform) or VpcConfig (API, pipeline
#     step, Step Functions task; NetworkConfig.VpcConfig for processing jobs), or set it for every
#     job through the SageMaker Python SDK defaults file (smguard guardrails).
package smguard.rules.training.in_customer_vpc

import data.smguard.lib.jobs
import data.smguard.lib.result
import data.smguard.lib.value

_rule := result.identity(rego.metadata.chain())

_templates := {
	"subnets": "the %s has no %s: it runs in a SageMaker-managed VPC",
	"security_group_ids": "the %s has no %s",
}

findings contains finding if {
	some job in input.resources.training_jobs
	unset := [attribute |
		some attribute in ["subnets", "security_group_ids"]
		object.get(job, attribute, null) in value.unset # the compliant majority stops here
		not attribute in job.meta.pending # set, to a value known only after apply
		not job.kind in jobs.lacking[attribute]
	]
	unset != []
	attribute := result.reported(job, unset)
	finding := result.require(_rule, job, attribute, jobs.message(_templates[attribute], job.kind, attribute))
}
