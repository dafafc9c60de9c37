package smguard.rules.studio.domain_vpc_only_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.studio.domain_vpc_only as rule

domains(overrides) := {"resources": {"domains": [object.union(inputs.hardened_domain, overrides)]}}

test_fail_public_internet_only if {
	verdicts := inputs.verdicts(rule.findings) with input as domains({"app_network_access_type": "PublicInternetOnly"})
	verdicts == {["SM601", "domain", "fail"]}
}

test_pass_vpc_only if {
	count(rule.findings) == 0 with input as domains({})
}
