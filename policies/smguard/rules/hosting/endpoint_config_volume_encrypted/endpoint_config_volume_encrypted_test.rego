package smguard.rules.hosting.endpoint_config_volume_encrypted_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.hosting.endpoint_config_volume_encrypted as rule

test_fail_no_key if {
	doc := {"resources": {"endpoint_configs": [object.union(inputs.hardened_config, {"kms_key_arn": null})]}}
	inputs.verdicts(rule.findings) == {["SM403", "config", "fail"]} with input as doc
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as {"resources": {"endpoint_configs": [inputs.hardened_config]}}
}
