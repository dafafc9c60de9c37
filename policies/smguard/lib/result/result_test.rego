package smguard.lib.result_test

import data.smguard.lib.result

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
	result.fail(chain, resource, "k", "m") == {
		"rule_id": "SM999", "title": "T", "severity": "LOW", "status": "fail",
		"resource": "r", "location": "plan.json", "attribute": "k", "message": "m", "waiver": "",
	}
}

test_decide_unknown_wins_over_compliance if {
	result.decide(chain, resource, "u", true, "m").status == "unknown"
	result.decide(chain, resource, "u", false, "m").status == "unknown"
}

test_decide_fails_known_non_compliant if {
	result.decide(chain, resource, "k", false, "m") == result.fail(chain, resource, "k", "m")
}

test_decide_undefined_for_compliant if {
	not result.decide(chain, resource, "k", true, "m")
}

test_error_keeps_resource_location_and_message if {
	result.error(chain, {"resource": "r", "location": "plan.json", "message": "bad"}) == {
		"rule_id": "SM999", "title": "T", "severity": "LOW", "status": "error",
		"resource": "r", "location": "plan.json", "attribute": "", "message": "bad", "waiver": "",
	}
}

test_require_fails_when_not_set if {
	result.require(chain, resource, "n", "m") == result.fail(chain, resource, "n", "m")
}

test_require_is_unknown_when_presence_is_unknown if {
	result.require(chain, resource, "u", "m").status == "unknown"
}

test_require_passes_when_set_or_pending if {
	not result.require(chain, resource, "k", "m")
	not result.require(chain, resource, "p", "m")
}

test_strongest_reports_a_failure_before_an_unknown if {
	result.strongest([{"status": "unknown", "n": 1}, {"status": "fail", "n": 2}]).n == 2
	result.strongest([{"status": "unknown", "n": 1}, {"status": "unknown", "n": 2}]).n == 1
	not result.strongest([])
}
