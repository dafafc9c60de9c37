package smguard.lib.result_test

import data.smguard.lib.result

chain := [
	{"path": ["data", "smguard", "rules", "x", "y", "deny"], "annotations": {"scope": "rule"}},
	{"path": ["data", "smguard", "rules", "x", "y"], "annotations": {
		"scope": "package", "title": "T",
		"custom": {"id": "SM999", "severity": "LOW"},
	}},
]

resource := {"meta": {"id": "r", "location": "plan.json", "unknown": ["u"]}, "u": null, "k": true}

test_fail_reads_identity_from_package_annotation if {
	result.fail(chain, resource, "k", "m") == {
		"rule_id": "SM999", "title": "T", "severity": "LOW", "status": "fail",
		"resource": "r", "location": "plan.json", "attribute": "k", "message": "m",
	}
}

test_decide_unknown_wins_over_compliance if {
	result.decide(chain, resource, "u", true, "m").status == "unknown"
	result.decide(chain, resource, "u", false, "m").status == "unknown"
}

test_decide_fails_known_non_compliant if {
	result.decide(chain, resource, "k", false, "m").status == "fail"
}

test_decide_undefined_for_compliant if {
	not result.decide(chain, resource, "k", true, "m")
}

test_error_without_location_defaults_to_empty if {
	result.error(chain, {"resource": "r", "location": "", "message": "bad"}).status == "error"
}
