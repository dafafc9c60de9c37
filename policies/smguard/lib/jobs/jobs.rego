# METADATA
# title: Jobs by kind
# description: |
#   Training, tuning, processing and monitoring jobs hold the same settings under different API
#   names. Findings name the job's kind and the field it is read from, as the frontends read it
#   (python/smguard/frontends/sagemaker_api.py; tests/unit/test_job_fields.py checks the two agree).
package smguard.lib.jobs

# METADATA
# description: |
#   Kind -> attribute -> the API field (dotted path) the attribute is read from. A tuning job's
#   are those of each of its training job definitions. Written out in full, a constant: built
#   from shared parts it was rebuilt for every evaluation, a third of a one-job admission
#   request's (tests/unit/test_job_fields.py checks it against the readers).
fields := {
	"automl": {
		"enable_inter_container_traffic_encryption": "AutoMLJobConfig.SecurityConfig.EnableInterContainerTrafficEncryption",
		"output_kms_key_id": "OutputDataConfig.KmsKeyId",
		"security_group_ids": "AutoMLJobConfig.SecurityConfig.VpcConfig.SecurityGroupIds",
		"subnets": "AutoMLJobConfig.SecurityConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "AutoMLJobConfig.SecurityConfig.VolumeKmsKeyId",
	},
	"automl_v2": {
		"enable_inter_container_traffic_encryption": "SecurityConfig.EnableInterContainerTrafficEncryption",
		"output_kms_key_id": "OutputDataConfig.KmsKeyId",
		"security_group_ids": "SecurityConfig.VpcConfig.SecurityGroupIds",
		"subnets": "SecurityConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "SecurityConfig.VolumeKmsKeyId",
	},
	"cluster": {
		"security_group_ids": "VpcConfig.SecurityGroupIds",
		"subnets": "VpcConfig.Subnets",
	},
	"compilation": {
		"output_kms_key_id": "OutputConfig.KmsKeyId",
		"security_group_ids": "VpcConfig.SecurityGroupIds",
		"subnets": "VpcConfig.Subnets",
	},
	"data_quality": {
		"enable_inter_container_traffic_encryption": "NetworkConfig.EnableInterContainerTrafficEncryption",
		"enable_network_isolation": "NetworkConfig.EnableNetworkIsolation",
		"output_kms_key_id": "DataQualityJobOutputConfig.KmsKeyId",
		"security_group_ids": "NetworkConfig.VpcConfig.SecurityGroupIds",
		"subnets": "NetworkConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "JobResources.ClusterConfig.VolumeKmsKeyId",
	},
	"inference_recommendations": {
		"output_kms_key_id": "OutputConfig.KmsKeyId",
		"security_group_ids": "InputConfig.VpcConfig.SecurityGroupIds",
		"subnets": "InputConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "InputConfig.VolumeKmsKeyId",
	},
	"labeling": {
		"output_kms_key_id": "OutputConfig.KmsKeyId",
	},
	"labeling_automated": {
		"output_kms_key_id": "OutputConfig.KmsKeyId",
		"security_group_ids": "LabelingJobAlgorithmsConfig.LabelingJobResourceConfig.VpcConfig.SecurityGroupIds",
		"subnets": "LabelingJobAlgorithmsConfig.LabelingJobResourceConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "LabelingJobAlgorithmsConfig.LabelingJobResourceConfig.VolumeKmsKeyId",
	},
	"model_bias": {
		"enable_inter_container_traffic_encryption": "NetworkConfig.EnableInterContainerTrafficEncryption",
		"enable_network_isolation": "NetworkConfig.EnableNetworkIsolation",
		"output_kms_key_id": "ModelBiasJobOutputConfig.KmsKeyId",
		"security_group_ids": "NetworkConfig.VpcConfig.SecurityGroupIds",
		"subnets": "NetworkConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "JobResources.ClusterConfig.VolumeKmsKeyId",
	},
	"model_explainability": {
		"enable_inter_container_traffic_encryption": "NetworkConfig.EnableInterContainerTrafficEncryption",
		"enable_network_isolation": "NetworkConfig.EnableNetworkIsolation",
		"output_kms_key_id": "ModelExplainabilityJobOutputConfig.KmsKeyId",
		"security_group_ids": "NetworkConfig.VpcConfig.SecurityGroupIds",
		"subnets": "NetworkConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "JobResources.ClusterConfig.VolumeKmsKeyId",
	},
	"model_quality": {
		"enable_inter_container_traffic_encryption": "NetworkConfig.EnableInterContainerTrafficEncryption",
		"enable_network_isolation": "NetworkConfig.EnableNetworkIsolation",
		"output_kms_key_id": "ModelQualityJobOutputConfig.KmsKeyId",
		"security_group_ids": "NetworkConfig.VpcConfig.SecurityGroupIds",
		"subnets": "NetworkConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "JobResources.ClusterConfig.VolumeKmsKeyId",
	},
	"optimization": {
		"output_kms_key_id": "OutputConfig.KmsKeyId",
		"security_group_ids": "VpcConfig.SecurityGroupIds",
		"subnets": "VpcConfig.Subnets",
	},
	"processing": {
		"enable_inter_container_traffic_encryption": "NetworkConfig.EnableInterContainerTrafficEncryption",
		"enable_network_isolation": "NetworkConfig.EnableNetworkIsolation",
		"output_kms_key_id": "ProcessingOutputConfig.KmsKeyId",
		"security_group_ids": "NetworkConfig.VpcConfig.SecurityGroupIds",
		"subnets": "NetworkConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "ProcessingResources.ClusterConfig.VolumeKmsKeyId",
	},
	"schedule": {
		"enable_inter_container_traffic_encryption": "MonitoringScheduleConfig.MonitoringJobDefinition.NetworkConfig.EnableInterContainerTrafficEncryption",
		"enable_network_isolation": "MonitoringScheduleConfig.MonitoringJobDefinition.NetworkConfig.EnableNetworkIsolation",
		"output_kms_key_id": "MonitoringScheduleConfig.MonitoringJobDefinition.MonitoringOutputConfig.KmsKeyId",
		"security_group_ids": "MonitoringScheduleConfig.MonitoringJobDefinition.NetworkConfig.VpcConfig.SecurityGroupIds",
		"subnets": "MonitoringScheduleConfig.MonitoringJobDefinition.NetworkConfig.VpcConfig.Subnets",
		"volume_kms_key_id": "MonitoringScheduleConfig.MonitoringJobDefinition.MonitoringResources.ClusterConfig.VolumeKmsKeyId",
	},
	"training": {
		"enable_inter_container_traffic_encryption": "EnableInterContainerTrafficEncryption",
		"enable_network_isolation": "EnableNetworkIsolation",
		"enable_remote_debug": "RemoteDebugConfig.EnableRemoteDebug",
		"output_kms_key_id": "OutputDataConfig.KmsKeyId",
		"security_group_ids": "VpcConfig.SecurityGroupIds",
		"subnets": "VpcConfig.Subnets",
		"volume_kms_key_id": "ResourceConfig.VolumeKmsKeyId",
	},
	"transform": {
		"output_kms_key_id": "TransformOutput.KmsKeyId",
		"volume_kms_key_id": "TransformResources.VolumeKmsKeyId",
	},
	"tuning": {
		"enable_inter_container_traffic_encryption": "EnableInterContainerTrafficEncryption",
		"enable_network_isolation": "EnableNetworkIsolation",
		"enable_remote_debug": "RemoteDebugConfig.EnableRemoteDebug",
		"output_kms_key_id": "OutputDataConfig.KmsKeyId",
		"security_group_ids": "VpcConfig.SecurityGroupIds",
		"subnets": "VpcConfig.Subnets",
		"volume_kms_key_id": "ResourceConfig.VolumeKmsKeyId",
	},
	"validation_training": {
		"output_kms_key_id": "OutputDataConfig.KmsKeyId",
		"volume_kms_key_id": "ResourceConfig.VolumeKmsKeyId",
	},
	"validation_transform": {
		"output_kms_key_id": "TransformOutput.KmsKeyId",
		"volume_kms_key_id": "TransformResources.VolumeKmsKeyId",
	},
}

# METADATA
# description: What a job of each kind is called in a finding.
names := {
	"training": "training job",
	"tuning": "tuning job's training definition",
	"processing": "processing job",
	"automl": "AutoML job",
	"automl_v2": "AutoML job",
	"transform": "transform job",
	"compilation": "compilation job",
	"optimization": "optimization job",
	"inference_recommendations": "inference recommendation job",
	"cluster": "HyperPod cluster",
	"labeling": "labeling job",
	"labeling_automated": "labeling job's automated labeling",
	"validation_training": "validation profile's training job",
	"validation_transform": "validation profile's transform job",
	"data_quality": "data quality job definition",
	"model_quality": "model quality job definition",
	"model_bias": "model bias job definition",
	"model_explainability": "model explainability job definition",
	"schedule": "monitoring schedule's job definition",
}

# METADATA
# description: |
#   A job rule's message for one finding: the template with its first %s the kind's name, its
#   second the field the attribute is read from ("job" and the attribute for a kind this
#   version does not know). Formatted only for a finding: formatting every kind's messages up
#   front was most of a one-job admission request's evaluation. Not sprintf: the embedded
#   engine has no sprintf of its own and calls out to Python for each.
message(template, kind, attribute) := concat("", [before, object.get(names, kind, "job"), between, field, after]) if {
	[before, between, after] := split(template, "%s")
	field := object.get(fields, [kind, attribute], attribute)
}

# A template without two %s: a message without the names, never a finding lost.
else := template

# METADATA
# description: |
#   Attribute -> the kinds that have no setting for it (AutoML jobs no network isolation,
#   transform jobs no VPC of their own): its rule does not judge them, and judges a kind this
#   version does not know on every attribute. Written out, a constant, for the same reason
#   (lib/jobs/jobs_test.rego derives it from fields).
lacking := {
	"enable_inter_container_traffic_encryption": {
		"cluster", "compilation", "inference_recommendations", "labeling", "labeling_automated",
		"optimization", "transform", "validation_training", "validation_transform",
	},
	"enable_network_isolation": {
		"automl", "automl_v2", "cluster", "compilation", "inference_recommendations", "labeling",
		"labeling_automated", "optimization", "transform", "validation_training", "validation_transform",
	},
	"enable_remote_debug": {
		"automl", "automl_v2", "cluster", "compilation", "data_quality", "inference_recommendations",
		"labeling", "labeling_automated", "model_bias", "model_explainability", "model_quality",
		"optimization", "processing", "schedule", "transform", "validation_training",
		"validation_transform",
	},
	"output_kms_key_id": {"cluster"},
	"security_group_ids": {"labeling", "transform", "validation_training", "validation_transform"},
	"subnets": {"labeling", "transform", "validation_training", "validation_transform"},
	"volume_kms_key_id": {"cluster", "compilation", "labeling", "optimization"},
}
