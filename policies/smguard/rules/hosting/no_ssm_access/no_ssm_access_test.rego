package smguard.rules.hosting.no_ssm_access_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.hosting.no_ssm_access as rule

with_variant(variant) := {"resources": {"endpoint_configs": [
	object.union(inputs.hardened_config, {"variants": [variant]}),
]}}

test_fail_ssm_enabled if {
	variant := object.union(inputs.hardened_config.variants[0], {"enable_ssm_access": true})
	some finding in rule.findings with input as with_variant(variant)
	finding.message == "SSM access is enabled on variant v"
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as with_variant(inputs.hardened_config.variants[0])
}

test_unknown_when_a_variant_setting_is_known_only_at_apply if {
	variant := object.union(inputs.hardened_config.variants[0], {"enable_ssm_access": null})
	inputs.verdicts(rule.findings) == {["SM406", "config", "unknown"]} with input as with_variant(variant)
}

test_unknown_when_the_variants_are_unknown if {
	doc := {"resources": {"endpoint_configs": [object.union(inputs.hardened_config, {
		"variants": [],
		"meta": {"unknown": ["variants"]},
	})]}}
	inputs.verdicts(rule.findings) == {["SM406", "config", "unknown"]} with input as doc
}

test_fail_beats_unknown if {
	on := object.union(inputs.hardened_config.variants[0], {"enable_ssm_access": true})
	maybe := object.union(inputs.hardened_config.variants[0], {"variant_name": "w", "enable_ssm_access": null})
	doc := {"resources": {"endpoint_configs": [object.union(inputs.hardened_config, {"variants": [on, maybe]})]}}
	inputs.verdicts(rule.findings) == {["SM406", "config", "fail"]} with input as doc
}
