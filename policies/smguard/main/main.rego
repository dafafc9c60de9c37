# METADATA
# title: smguard entrypoint
# description: |
#   Every finding of every rule. A rule registers by living under smguard.rules.<area>.<slug>
#   and defining deny; nothing else lists the rules.
package smguard.main

import data.smguard.lib.config

# METADATA
# description: All findings for the input document, minus rules disabled in the config.
# entrypoint: true
findings contains finding if {
	some area in data.smguard.rules
	some rule in area
	some finding in rule.deny
	not _disabled(finding)
}

# Error findings (input that could not be read) cannot be switched off.
_disabled(finding) if {
	finding.status != "error"
	finding.rule_id in config.disabled_rules
}
