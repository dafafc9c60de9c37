# METADATA
# title: Test inputs
# description: Canonical documents for the rules' unit tests, built from one hardened notebook.
package smguard.lib.inputs_test

# METADATA
# description: A notebook instance in the secure state of every SM1xx rule.
hardened_notebook := {
	"meta": {
		"id": "nb", "source_type": "aws_sagemaker_notebook_instance", "location": "test",
		"unknown": [], "pending": [],
	},
	"name": "nb",
	"direct_internet_access": false,
	"root_access": false,
	"subnet_id": "subnet-1",
	"security_groups": ["sg-1"],
	"kms_key_id": "arn:aws:kms:eu-west-1:123456789012:key/k",
	"minimum_instance_metadata_service_version": "2",
	"platform_identifier": "notebook-al2023-v1",
	"vpc_id": "vpc-1",
	"vpc_key": "vpc-1",
	"default_network": false,
}

# METADATA
# description: A document with the hardened notebook changed by overrides (deep merge).
notebook(overrides) := complete({"resources": {"notebook_instances": [object.union(hardened_notebook, overrides)]}})

# METADATA
# description: A document with the hardened notebook lacking an attribute altogether.
notebook_without(attribute) := complete({"resources": {
	"notebook_instances": [object.remove(hardened_notebook, [attribute])],
}})

# METADATA
# description: A document whose notebook has an attribute that cannot be known.
notebook_unknown(attribute) := notebook({attribute: null, "meta": {"unknown": [attribute]}})

# METADATA
# description: A document whose notebook has an attribute set to a value known only after apply.
notebook_pending(attribute) := notebook({attribute: null, "meta": {"unknown": [attribute], "pending": [attribute]}})

# METADATA
# description: (rule_id, resource, status) of each finding, for exact assertions.
verdicts(findings) := {[f.rule_id, f.resource, f.status] | some f in findings}

# METADATA
# description: A normalized statement with defaults for every field.
statement(fields) := object.union(
	{
		"sid": null, "effect": "Allow", "actions": null, "not_actions": null,
		"resources": ["*"], "not_resources": null, "principals": null, "not_principals": null,
		"conditions": [], "unknown": [],
	},
	fields,
)

# METADATA
# description: A normalized condition test.
condition(operator, key, values) := {
	"operator": operator,
	"base": trim_suffix(_unqualified(operator), "IfExists"),
	"qualifier": _qualifier(operator),
	"if_exists": endswith(operator, "IfExists"),
	"key": lower(key),
	"values": values,
	"values_unknown": false,
}

_unqualified(operator) := split(operator, ":")[1] if contains(operator, ":")

_unqualified(operator) := operator if not contains(operator, ":")

_qualifier(operator) := split(operator, ":")[0] if contains(operator, ":")

_qualifier(operator) := null if not contains(operator, ":")

# METADATA
# description: A document with one identity policy "p" holding the statements.
identity_policy(statements) := complete({"resources": {"iam_policies": [{
	"meta": {"id": "p", "source_type": "aws_iam_policy", "location": "test", "unknown": [], "pending": []},
	"name": "p", "statements": statements, "attached_to": [],
}]}})

# METADATA
# description: A document with one SageMaker API interface endpoint "e" (private DNS on) and the policy.
endpoint(policy) := complete({"resources": {"vpc_endpoints": [{
	"meta": {"id": "e", "source_type": "aws_vpc_endpoint", "location": "test", "unknown": [], "pending": []},
	"service_name": "com.amazonaws.eu-west-1.sagemaker.api", "sagemaker_service": "api",
	"endpoint_type": "Interface", "vpc_id": "vpc-1", "vpc_key": "vpc-1",
	"private_dns_enabled": true, "policy": policy,
}]}})

_meta(id) := {"id": id, "source_type": "test", "location": "test", "unknown": [], "pending": []}

# METADATA
# description: A training job in the secure state of every SM3xx rule.
hardened_job := {
	"meta": _meta("job"), "kind": "training", "name": "job",
	"subnets": ["subnet-1"], "security_group_ids": ["sg-1"], "vpc_key": null,
	"enable_network_isolation": true, "enable_inter_container_traffic_encryption": true,
	"volume_kms_key_id": "k", "output_kms_key_id": "k", "enable_remote_debug": false,
}

# METADATA
# description: A document with the hardened training job changed by overrides.
job(overrides) := complete({"resources": {"training_jobs": [object.union(hardened_job, overrides)]}})

# METADATA
# description: A document whose training job has an attribute that cannot be known.
job_unknown(attribute) := job({attribute: null, "meta": {"unknown": [attribute]}})

# METADATA
# description: A model in the secure state of SM401 and SM402.
hardened_model := {
	"meta": _meta("model"), "name": "model", "subnets": ["subnet-1"], "security_group_ids": ["sg-1"],
	"vpc_key": null, "enable_network_isolation": true,
	"containers": [{
		"image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/serve:1",
		"repository_access_mode": "Platform",
	}],
}

# METADATA
# description: An endpoint configuration in the secure state of SM403, SM404 and SM406.
hardened_config := {
	"meta": _meta("config"), "name": "config", "kms_key_arn": "k",
	"variants": [{
		"variant_name": "v", "shadow": false, "model_name": "model", "model": "model",
		"enable_ssm_access": false, "initial_instance_count": 2, "serverless": false,
	}],
	"data_capture_enabled": true, "data_capture_kms_key_id": "k",
	"async_inference_enabled": false, "async_output_kms_key_id": null,
}

# METADATA
# description: A document with an endpoint served by the given configuration and models.
hosting(config, models) := complete({"resources": {
	"endpoints": [{
		"meta": _meta("endpoint"), "name": "endpoint",
		"endpoint_config_name": "config", "endpoint_config": "config",
	}],
	"endpoint_configs": [config],
	"models": models,
}})

# METADATA
# description: A Studio domain in the secure state of SM601 and SM602.
hardened_domain := {
	"meta": _meta("domain"), "name": "domain", "app_network_access_type": "VpcOnly",
	"vpc_id": "vpc-1", "vpc_key": "vpc-1", "kms_key_id": "k",
}

# METADATA
# description: A whole input document around some resources, as the frontends write it.
complete(doc) := object.union({"schema_version": 3, "resources": {}, "errors": []}, doc)
