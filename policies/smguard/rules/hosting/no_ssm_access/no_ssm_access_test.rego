package smguard.rules.hosting.no_ssm_access_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.hosting.no_ssm_access as rule

with_variant(variant) := {"resources": {"endpoint_configs": [
	object.union(inputs.hardened_config, {"variants": [variant]}),
]}}

test_fail_ssm_enabled if {
	variant := object.union(inputs.hardened_config.variants[0], {"enable_ssm_access": true})
	some finding in rule.deny with input as with_variant(variant)
	finding.message == "SSM access is enabled (or not known to be off) on variant v"
}

test_pass_hardened if {
	count(rule.deny) == 0 with input as with_variant(inputs.hardened_config.variants[0])
}
