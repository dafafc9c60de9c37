# METADATA
# title: Jobs by kind
# description: |
#   Training, tuning, processing and monitoring jobs hold the same settings under different API
#   names. Findings name the job's kind and the field it is read from, as the frontends read it
#   (python/smguard/frontends/sagemaker_api.py; tests/unit/test_job_fields.py checks the two agree).
package smguard.lib.jobs

_network := {
	"subnets": "NetworkConfig.VpcConfig.Subnets",
	"security_group_ids": "NetworkConfig.VpcConfig.SecurityGroupIds",
	"enable_network_isolation": "NetworkConfig.EnableNetworkIsolation",
	"enable_inter_container_traffic_encryption": "NetworkConfig.EnableInterContainerTrafficEncryption",
}

_training := {
	"subnets": "VpcConfig.Subnets",
	"security_group_ids": "VpcConfig.SecurityGroupIds",
	"enable_network_isolation": "EnableNetworkIsolation",
	"enable_inter_container_traffic_encryption": "EnableInterContainerTrafficEncryption",
	"volume_kms_key_id": "ResourceConfig.VolumeKmsKeyId",
	"output_kms_key_id": "OutputDataConfig.KmsKeyId",
	"enable_remote_debug": "RemoteDebugConfig.EnableRemoteDebug",
}

_automl(security) := {
	"subnets": concat(".", [security, "VpcConfig.Subnets"]),
	"security_group_ids": concat(".", [security, "VpcConfig.SecurityGroupIds"]),
	"enable_inter_container_traffic_encryption": concat(".", [security, "EnableInterContainerTrafficEncryption"]),
	"volume_kms_key_id": concat(".", [security, "VolumeKmsKeyId"]),
	"output_kms_key_id": "OutputDataConfig.KmsKeyId",
}

_vpc(base) := {
	"subnets": concat("", [base, "VpcConfig.Subnets"]),
	"security_group_ids": concat("", [base, "VpcConfig.SecurityGroupIds"]),
}

_transform := {
	"volume_kms_key_id": "TransformResources.VolumeKmsKeyId",
	"output_kms_key_id": "TransformOutput.KmsKeyId",
}

_labeling := "LabelingJobAlgorithmsConfig.LabelingJobResourceConfig."

_definition(output) := object.union(_network, {
	"volume_kms_key_id": "JobResources.ClusterConfig.VolumeKmsKeyId",
	"output_kms_key_id": concat("", [output, "JobOutputConfig.KmsKeyId"]),
})

_scheduled[attribute] := concat(".", ["MonitoringScheduleConfig.MonitoringJobDefinition", field]) if {
	some attribute, field in object.union(_network, {
		"volume_kms_key_id": "MonitoringResources.ClusterConfig.VolumeKmsKeyId",
		"output_kms_key_id": "MonitoringOutputConfig.KmsKeyId",
	})
}

# METADATA
# description: |
#   Kind -> attribute -> the API field (dotted path) the attribute is read from. A tuning job's
#   are those of each of its training job definitions.
fields := {
	"training": _training,
	"tuning": _training,
	"processing": object.union(_network, {
		"volume_kms_key_id": "ProcessingResources.ClusterConfig.VolumeKmsKeyId",
		"output_kms_key_id": "ProcessingOutputConfig.KmsKeyId",
	}),
	"automl": _automl("AutoMLJobConfig.SecurityConfig"),
	"automl_v2": _automl("SecurityConfig"),
	"transform": _transform,
	"compilation": object.union(_vpc(""), {"output_kms_key_id": "OutputConfig.KmsKeyId"}),
	"optimization": object.union(_vpc(""), {"output_kms_key_id": "OutputConfig.KmsKeyId"}),
	"inference_recommendations": object.union(_vpc("InputConfig."), {
		"volume_kms_key_id": "InputConfig.VolumeKmsKeyId",
		"output_kms_key_id": "OutputConfig.KmsKeyId",
	}),
	"cluster": _vpc(""),
	"labeling": {"output_kms_key_id": "OutputConfig.KmsKeyId"},
	"labeling_automated": object.union(_vpc(_labeling), {
		"volume_kms_key_id": concat("", [_labeling, "VolumeKmsKeyId"]),
		"output_kms_key_id": "OutputConfig.KmsKeyId",
	}),
	"validation_training": {
		"volume_kms_key_id": "ResourceConfig.VolumeKmsKeyId",
		"output_kms_key_id": "OutputDataConfig.KmsKeyId",
	},
	"validation_transform": _transform,
	"data_quality": _definition("DataQuality"),
	"model_quality": _definition("ModelQuality"),
	"model_bias": _definition("ModelBias"),
	"model_explainability": _definition("ModelExplainability"),
	"schedule": _scheduled,
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
#   Messages for every kind, from templates of attribute -> text with a %s for the kind's name,
#   then a %s for the field; under "*" those for a kind this version does not know. Give it to
#   a complete rule, so it is computed once per evaluation, and to lib/result, which picks the
#   job's message only for a finding.
messages(templates) := object.union(
	{kind: {attribute: message |
		some attribute, template in templates
		field := fields[kind][attribute] # regal ignore:external-reference
		message := sprintf(template, [name, field])
	} |
		some kind, name in names # regal ignore:external-reference
	},
	{"*": {attribute: sprintf(template, ["job", attribute]) | some attribute, template in templates}},
)

# METADATA
# description: |
#   The kinds that have no setting for the attribute (AutoML jobs no network isolation, transform
#   jobs no VPC of their own): its rule does not judge them. Give it to a complete rule; a kind
#   this version does not know is judged on every attribute.
without(attribute) := {kind | some kind, named in fields; not named[attribute]} # regal ignore:external-reference
