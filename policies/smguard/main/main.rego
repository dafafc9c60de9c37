# METADATA
# title: smguard entrypoint
# description: |
#   Every finding of every rule. A rule registers by living under smguard.rules.<area>.<slug>
#   and defining findings; nothing else lists the rules. (Not deny: conftest --all-namespaces
#   reads every package's deny as failures, and a rule's unknown findings are no failures.)
#   Disabled rules are dropped here, and waivers applied: a waived finding is reported with
#   status "waived", never dropped.
package smguard.main

import data.smguard.lib.config
import data.smguard.lib.wildcard

# METADATA
# description: All findings for the input document, minus disabled rules, waivers applied.
# entrypoint: true
findings := _found if {
	# Without disabled rules or waivers (a sidecar's usual setting) the rules' sets are the answer:
	# checking each finding against empty settings would cost as much as building it.
	not config.changes_findings
} else := {_waived(finding) | some finding in _found; not _disabled(finding)}

# METADATA
# description: |
#   Complete waivers that match no finding: a typo in the rule ID or resource pattern, or a
#   resource that was fixed or removed. Each is {index, rule, resource, reason, expires}, the
#   index being its place in the config's waivers.
# entrypoint: true
unused_waivers contains object.union(waiver, {"index": i}) if {
	some i, waiver in config.waivers
	not _used(waiver)
}

_used(waiver) if {
	some finding in _found
	finding.rule_id == waiver.rule
	finding.status != "error"
	wildcard.match(waiver.resource, finding.resource)
}

# By reference, so only each package's findings are evaluated, not its helper rules as well.
_found contains finding if {
	some area, slug
	found := data.smguard.rules[area][slug].findings
	some finding in found
}

# Error findings (input that could not be read) cannot be switched off or waived.
_disabled(finding) if {
	finding.rule_id in config.disabled_rules
	finding.status != "error"
}

# Most findings are of rules no waiver names: they are passed on after one set lookup.
_waived(finding) := finding if {
	not finding.rule_id in _waived_rules
} else := finding if {
	count(_matching(finding)) == 0
} else := object.union(finding, {"status": "waived", "waiver": min(reasons)}) if {
	reasons := {waiver.reason | some waiver in _matching(finding); _active(waiver)}
	count(reasons) > 0
} else := object.union(finding, {"message": message}) if {
	expired := max({waiver.expires | some waiver in _matching(finding)})
	message := sprintf("%s (waiver expired on %s)", [finding.message, expired])
}

_waived_rules contains waiver.rule if some waiver in config.waivers

_matching(finding) := {waiver |
	finding.status != "error"
	some waiver in config.waivers
	waiver.rule == finding.rule_id
	wildcard.match(waiver.resource, finding.resource)
}

# A waiver holds until the end of its expiry day (UTC); one whose date cannot be read never holds.
_active(waiver) if time.parse_rfc3339_ns(sprintf("%sT23:59:59Z", [waiver.expires])) >= time.now_ns()
