package smguard.rules.hosting.multiple_instances_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.hosting.multiple_instances as rule

with_variants(variants) := {"resources": {"endpoint_configs": [
	object.union(inputs.hardened_config, {"variants": variants}),
]}}

variant(fields) := object.union(inputs.hardened_config.variants[0], fields)

test_fail_one_instance if {
	some finding in rule.findings with input as with_variants([variant({"initial_instance_count": 1})])
	finding.message == "production variant v runs on one instance"
	finding.status == "fail"
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as with_variants([variant({})])
}

test_pass_serverless_and_shadow_variants if {
	serverless := variant({"initial_instance_count": null, "serverless": true})
	shadow := variant({"variant_name": "s", "shadow": true, "initial_instance_count": 1})
	count(rule.findings) == 0 with input as with_variants([serverless, shadow])
}

test_unknown_when_a_count_is_known_only_at_apply if {
	verdicts := inputs.verdicts(rule.findings) with input as with_variants([variant({"initial_instance_count": null})])
	verdicts == {["SM408", "config", "unknown"]}
}

test_unknown_when_the_variants_are_unknown if {
	doc := {"resources": {"endpoint_configs": [object.union(inputs.hardened_config, {
		"variants": [],
		"meta": {"unknown": ["variants"]},
	})]}}
	inputs.verdicts(rule.findings) == {["SM408", "config", "unknown"]} with input as doc
}

test_fail_beats_unknown if {
	one := variant({"initial_instance_count": 1})
	maybe := variant({"variant_name": "w", "initial_instance_count": null})
	inputs.verdicts(rule.findings) == {["SM408", "config", "fail"]} with input as with_variants([one, maybe])
}
