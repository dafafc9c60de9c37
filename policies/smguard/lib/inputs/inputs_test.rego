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
	"vpc_id": "vpc-1",
	"vpc_key": "vpc-1",
	"default_network": false,
}

# METADATA
# description: A document with the hardened notebook changed by overrides (deep merge).
notebook(overrides) := {"resources": {"notebook_instances": [object.union(hardened_notebook, overrides)]}}

# METADATA
# description: A document with the hardened notebook lacking an attribute altogether.
notebook_without(attribute) := {"resources": {"notebook_instances": [object.remove(hardened_notebook, [attribute])]}}

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
identity_policy(statements) := {"resources": {"iam_policies": [{
	"meta": {"id": "p", "source_type": "aws_iam_policy", "location": "test", "unknown": [], "pending": []},
	"name": "p", "statements": statements,
}]}}

# METADATA
# description: A document with one SageMaker API interface endpoint "e" (private DNS on) and the policy.
endpoint(policy) := {"resources": {"vpc_endpoints": [{
	"meta": {"id": "e", "source_type": "aws_vpc_endpoint", "location": "test", "unknown": [], "pending": []},
	"service_name": "com.amazonaws.eu-west-1.sagemaker.api", "sagemaker_service": "api",
	"endpoint_type": "Interface", "vpc_id": "vpc-1", "vpc_key": "vpc-1",
	"private_dns_enabled": true, "policy": policy,
}]}}
