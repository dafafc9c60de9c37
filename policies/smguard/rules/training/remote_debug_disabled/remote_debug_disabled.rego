# METADATA
# title: SageMaker training job has remote debugging off
# description: |
#   Remote debugging opens an SSM session into the training container, a way in that bypasses
#   the network controls of the job.
# schemas:
#   - input: schema.input
# custom:
#   id: SM307
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: training_job
#   remediation: >-
#     Remove remote_debug_config or set enable_remote_debug = false (RemoteDebugConfig.EnableRemoteDebug).
package smguard.rules.training.remote_debug_disabled

import data.smguard.lib.jobs
import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {
	some resource in input.resources.training_jobs
	not resource.enable_remote_debug == false # the compliant majority stops here, before any call
	not resource.kind in jobs.lacking.enable_remote_debug
	finding := result.verdict(
		_rule, resource, "enable_remote_debug",
		jobs.message("the %s has remote debugging on (%s)", resource.kind, "enable_remote_debug"),
	)
}
