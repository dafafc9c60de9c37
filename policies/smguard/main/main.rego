# METADATA
# title: smguard entrypoint
# description: |
#   Every finding of every rule. A rule registers by living under smguard.rules.<area>.<slug>
#   and defining deny; nothing else lists the rules. Disabled rules are dropped here, and
#   waivers applied: a waived finding is reported with status "waived", never dropped.
package smguard.main

import data.smguard.lib.config
import data.smguard.lib.wildcard

# METADATA
# description: All findings for the input document, minus disabled rules, waivers applied.
# entrypoint: true
findings contains _waived(finding) if {
	# Iterating the packages evaluates all their rules (about 0.2 ms on a one-resource input) where
	# data.smguard.rules[area][slug].deny would not, but that reference makes `opa build
	# --optimize 2` expand without end.
	some area in data.smguard.rules
	some rule in area
	some finding in rule.deny
	not _disabled(finding)
}

# Error findings (input that could not be read) cannot be switched off or waived.
_disabled(finding) if {
	finding.status != "error"
	finding.rule_id in config.disabled_rules
}

_waived(finding) := finding if {
	count(_matching(finding)) == 0
} else := object.union(finding, {"status": "waived", "waiver": min(reasons)}) if {
	reasons := {waiver.reason | some waiver in _matching(finding); _active(waiver)}
	count(reasons) > 0
} else := object.union(finding, {"message": message}) if {
	expired := max({waiver.expires | some waiver in _matching(finding)})
	message := sprintf("%s (waiver expired on %s)", [finding.message, expired])
}

_matching(finding) := {waiver |
	finding.status != "error"
	some waiver in config.waivers
	waiver.rule == finding.rule_id
	wildcard.match(waiver.resource, finding.resource)
}

# A waiver holds until the end of its expiry day (UTC); one whose date cannot be read never holds.
_active(waiver) if time.parse_rfc3339_ns(sprintf("%sT23:59:59Z", [waiver.expires])) >= time.now_ns()
