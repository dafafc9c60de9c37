# METADATA
# title: Test inputs
# description: Canonical documents for the rules' unit tests, built from one hardened notebook.
package smguard.lib.inputs_test

# METADATA
# description: A notebook instance in the secure state of every SM1xx rule.
hardened_notebook := {
	"meta": {"id": "nb", "source_type": "aws_sagemaker_notebook_instance", "location": "test", "unknown": []},
	"name": "nb",
	"direct_internet_access": false,
	"root_access": false,
	"subnet_id": "subnet-1",
	"security_groups": ["sg-1"],
	"kms_key_id": "arn:aws:kms:eu-west-1:123456789012:key/k",
	"minimum_instance_metadata_service_version": "2",
	"vpc_id": "vpc-1",
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
# description: (rule_id, resource, status) of each finding, for exact assertions.
verdicts(findings) := {[f.rule_id, f.resource, f.status] | some f in findings}
