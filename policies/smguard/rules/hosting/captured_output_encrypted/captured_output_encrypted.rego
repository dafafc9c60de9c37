# METADATA
# title: SageMaker captured and asynchronous inference output is encrypted with KMS
# description: |
#   Data capture writes inference requests and responses to S3, and asynchronous inference
#   writes its responses there: often the most sensitive data of the whole workload. Either one
#   configured without a KMS key leaves that data to the bucket's default encryption.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture.html
#     description: Capture data from a real-time endpoint
# schemas:
#   - input: schema.input
# custom:
#   id: SM404
#   severity: MEDIUM
#   checkov_mirror: true
#   resource: endpoint_config
#   remediation: >-
#     Set data_capture_config { kms_key_id } and async_inference_config { output_config {
#     kms_key_id } } (DataCaptureConfig.KmsKeyId, AsyncInferenceConfig.OutputConfig.KmsKeyId).
package smguard.rules.hosting.captured_output_encrypted

import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

# output kind -> (the flag that says it is configured, its KMS key attribute)
_outputs := {
	"data capture": ["data_capture_enabled", "data_capture_kms_key_id", "data capture is configured without a KMS key"],
	"asynchronous inference output": [
		"async_inference_enabled", "async_output_kms_key_id",
		"asynchronous inference output is configured without a KMS key",
	],
}

findings contains finding if {
	some config in input.resources.endpoint_configs
	verdicts := [verdict |
		some kind in ["data capture", "asynchronous inference output"]
		verdict := _verdict(_rule, config, kind)
	]
	finding := result.strongest(verdicts)
}

_verdict(chain, config, kind) := result.unknown(chain, config, flag) if {
	[flag, _, _] := _outputs[kind]
	flag in config.meta.unknown
}

_verdict(chain, config, kind) := result.require(chain, config, key, message) if {
	[flag, key, message] := _outputs[kind]
	not flag in config.meta.unknown
	not config[flag] == false
}
