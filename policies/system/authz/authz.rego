# METADATA
# title: Sidecar authorization
# description: |
#   Loaded with --authentication=token --authorization=basic by `smguard serve`: every request
#   is denied unless it is an unauthenticated health probe, or a POST of a decision to one of
#   smguard's entrypoints carrying the sidecar's token. No policy, data, query or config API is
#   reachable. The token is compared by its SHA-256, which the sidecar's bundle carries.
package system.authz

# METADATA
# scope: document
# description: The decision OPA's basic authorizer asks for.
default allow := false

allow if {
	input.method == "GET"
	input.path == ["health"]
}

allow if {
	input.method == "POST"
	input.path in _decisions
	crypto.sha256(input.identity) == data.sidecar.token_sha256
}

_decisions := {
	["v1", "data", "smguard", "main", "findings"],
	["v1", "data", "smguard", "conftest", "deny"],
	["v1", "data", "smguard", "conftest", "warn"],
}
