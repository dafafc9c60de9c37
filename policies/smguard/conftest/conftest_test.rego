package smguard.conftest_test

import data.smguard.conftest
import data.smguard.lib.inputs_test as inputs

test_failures_are_deny_with_string_msg if {
	some denial in conftest.deny with input as inputs.notebook({"root_access": true})
	denial.rule_id == "SM104"
	is_string(denial.msg)
	startswith(denial.msg, "SM104 nb: ")
}

test_unknowns_are_warn_not_deny if {
	count(conftest.deny) == 0 with input as inputs.notebook_unknown("root_access")
	some warning in conftest.warn with input as inputs.notebook_unknown("root_access")
	warning.status == "unknown"
}

test_errors_are_deny if {
	some denial in conftest.deny with input as unreadable
	denial.status == "error"
}

unreadable := inputs.complete({"errors": [{"resource": "r", "location": "p.json", "message": "bad"}]})

test_unused_waivers_are_warnings if {
	config := {"waivers": [{"rule": "SM104", "resource": "nb-typo", "reason": "r", "expires": "2030-01-01"}]}
	warnings := conftest.warn with input as inputs.notebook({"root_access": true}) with data.smguard.config as config
	unused := {w.msg | some w in warnings; startswith(w.msg, "UNUSED")}
	unused == {"UNUSED WAIVER waivers[0] (SM104 nb-typo) matches no finding"}
}

test_unknowns_deny_when_the_config_fails_on_them if {
	strict := {"scan": {"fail_on": ["unknown"]}}
	count(conftest.warn) == 0 with input as inputs.notebook_unknown("root_access") with data.smguard.config as strict
	some denial in conftest.deny with input as inputs.notebook_unknown("root_access") with data.smguard.config as strict
	denial.status == "unknown"
}
