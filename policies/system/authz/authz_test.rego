package system.authz_test

import data.system.authz

token_hash := crypto.sha256("s3cret")

decision(identity) := {"method": "POST", "path": ["v1", "data", "smguard", "main", "findings"], "identity": identity}

test_decisions_need_the_token if {
	authz.allow with input as decision("s3cret") with data.sidecar.token_sha256 as token_hash
	not authz.allow with input as decision("wrong") with data.sidecar.token_sha256 as token_hash
	not authz.allow with input as object.remove(decision("x"), ["identity"]) with data.sidecar.token_sha256 as token_hash
}

test_no_token_configured_denies_everything if {
	not authz.allow with input as decision("s3cret")
}

test_health_is_open if {
	authz.allow with input as {"method": "GET", "path": ["health"]}
}

test_other_apis_are_closed if {
	some request in [
		{"method": "GET", "path": ["v1", "data", "sidecar"]},
		{"method": "PUT", "path": ["v1", "policies", "x"]},
		{"method": "POST", "path": ["v1", "query"]},
		{"method": "GET", "path": ["v1", "config"]},
		{"method": "GET", "path": ["v1", "data", "smguard", "main", "findings"]},
	]
	with_token := object.union(request, {"identity": "s3cret"})
	not authz.allow with input as with_token with data.sidecar.token_sha256 as token_hash
}
