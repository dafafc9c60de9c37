package smguard.rules.studio.domain_encrypted_with_cmk_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.studio.domain_encrypted_with_cmk as rule

test_fail_no_key if {
	doc := {"resources": {"domains": [object.union(inputs.hardened_domain, {"kms_key_id": null})]}}
	inputs.verdicts(rule.findings) == {["SM602", "domain", "fail"]} with input as doc
}

test_pass_hardened if {
	count(rule.findings) == 0 with input as {"resources": {"domains": [inputs.hardened_domain]}}
}
