package smguard.lib.result_test

import data.smguard.lib.result

rule := result.identity(chain)

chain := [
	{"path": ["data", "smguard", "rules", "x", "y", "findings"], "annotations": {"scope": "rule"}},
	{"path": ["data", "smguard", "rules", "x", "y"], "annotations": {
		"scope": "package", "title": "T",
		"custom": {"id": "SM999", "severity": "LOW"},
	}},
]

resource := {
	"meta": {"id": "r", "location": "plan.json", "unknown": ["u", "p"], "pending": ["p"]},
	"u": null, "p": null, "k": true, "n": null,
}

test_fail_reads_identity_from_package_annotation if {
	result.fail(rule, resource, "k", "m") == {
		"rule_id": "SM999", "title": "T", "severity": "LOW", "status": "fail",
		"resource": "r", "location": "plan.json", "attribute": "k", "message": "m", "waiver": "",
	}
}

test_identity_is_read_from_the_package_annotation if {
	rule == {"rule_id": "SM999", "title": "T", "severity": "LOW"}
}

test_verdict_is_unknown_for_an_unknown_value if {
	result.verdict(rule, resource, "u", "m").status == "unknown"
}

test_verdict_fails_a_known_value if {
	result.verdict(rule, resource, "k", "m") == result.fail(rule, resource, "k", "m")
}

test_decide_unknown_wins_over_compliance if {
	result.decide(rule, resource, "u", true, "m").status == "unknown"
	result.decide(rule, resource, "u", false, "m").status == "unknown"
}

test_decide_fails_known_non_compliant_and_passes_compliant if {
	result.decide(rule, resource, "k", false, "m") == result.fail(rule, resource, "k", "m")
	not result.decide(rule, resource, "k", true, "m")
}

test_a_chain_serves_as_the_identity if {
	result.fail(chain, resource, "k", "m") == result.fail(rule, resource, "k", "m")
}

test_error_keeps_resource_location_and_message if {
	result.error(rule, {"resource": "r", "location": "plan.json", "message": "bad"}) == {
		"rule_id": "SM999", "title": "T", "severity": "LOW", "status": "error",
		"resource": "r", "location": "plan.json", "attribute": "", "message": "bad", "waiver": "",
	}
}

test_require_fails_when_not_set if {
	result.require(rule, resource, "n", "m") == result.fail(rule, resource, "n", "m")
}

test_require_is_unknown_when_presence_is_unknown if {
	result.require(rule, resource, "u", "m").status == "unknown"
}

test_require_passes_when_set_or_pending if {
	not result.require(rule, resource, "k", "m")
	not result.require(rule, resource, "p", "m")
}

test_strongest_reports_a_failure_before_an_unknown if {
	result.strongest([{"status": "unknown", "n": 1}, {"status": "fail", "n": 2}]).n == 2
	result.strongest([{"status": "unknown", "n": 1}, {"status": "unknown", "n": 2}]).n == 1
	not result.strongest([])
}

test_reported_is_the_first_known_to_be_unset_before_an_unknown if {
	result.reported(resource, ["u", "n", "k"]) == "n"
	result.reported(resource, ["u", "p"]) == "u"
}

test_reported_picks_what_strongest_picks_among_the_verdicts if {
	attributes := ["u", "n"]
	verdicts := [result.require(rule, resource, attribute, "m") | some attribute in attributes]
	result.strongest(verdicts).attribute == result.reported(resource, attributes)
}
