# METADATA
# title: conftest namespace
# description: |
#   conftest reads deny and warn sets of objects with a string msg. Failures and read errors are
#   deny, values that cannot be known are warn (never a pass), or deny when the config's
#   scan.fail_on lists unknown.
package smguard.conftest

import data.smguard.lib.config
import data.smguard.main

# METADATA
# description: Failing and error findings (and those of scan.fail_on), as conftest failures.
# entrypoint: true
deny contains _message(finding) if {
	some finding in main.findings
	finding.status in config.fail_on
}

# METADATA
# description: |
#   Findings whose deciding value is unknown, waived findings, and waivers that match no finding
#   (a typo, or a fixed resource), as conftest warnings.
# entrypoint: true
warn contains _message(finding) if {
	some finding in main.findings
	finding.status in {"unknown", "waived"}
	not finding.status in config.fail_on
}

warn contains {"msg": sprintf("UNUSED WAIVER waivers[%d] (%s %s) matches no finding", [
	waiver.index, waiver.rule, waiver.resource,
])} if {
	some waiver in main.unused_waivers
}

_message(finding) := object.union(finding, {"msg": sprintf(
	"%s%s %s: %s [%s]",
	[_prefix[finding.status], finding.rule_id, finding.resource, finding.message, finding.title],
)})

_prefix := {"fail": "", "error": "", "unknown": "", "waived": "WAIVED "}
