package smguard.main_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.main

defaults_notebook := inputs.notebook({
	"direct_internet_access": true, "root_access": true, "security_groups": [],
	"kms_key_id": null, "minimum_instance_metadata_service_version": null,
	"subnet_id": null, "vpc_id": null, "vpc_key": null, "default_network": null,
})

test_collects_every_rule if {
	ids := {f.rule_id | some f in main.findings} with input as defaults_notebook
	ids == {"SM101", "SM102", "SM103", "SM104", "SM105", "SM106"}
}

test_hardened_notebook_has_no_findings if {
	# vpc_key null: the notebook's VPC (and so SM504) is outside this input.
	count(main.findings) == 0 with input as inputs.notebook({"vpc_key": null})
}

test_disabled_rules_are_dropped if {
	ids := {f.rule_id | some f in main.findings} with input as defaults_notebook
		with data.smguard.config as {"rules": {"disable": ["SM101", "SM104"]}}
	ids == {"SM102", "SM103", "SM105", "SM106"}
}

test_error_findings_cannot_be_disabled if {
	doc := {"errors": [{"resource": "r", "location": "p", "message": "bad"}]}
	ids := {f.rule_id | some f in main.findings} with input as doc
		with data.smguard.config as {"rules": {"disable": ["SM001"]}}
	ids == {"SM001"}
}
