# METADATA
# title: Input is readable for every resource
# description: |
#   A resource whose configuration could not be read (a malformed attribute, a policy that does
#   not parse, an API call that failed) cannot be judged. It is reported as an error so that it
#   is never mistaken for a compliant resource.
# schemas:
#   - input: schema.input
# custom:
#   id: SM001
#   severity: HIGH
#   checkov_not_mirrored: >-
#     read errors are smguard's own; Checkov reports its own parse failures
#   always_on: true
#   resource: any
#   remediation: >-
#     Fix the input named in the message (or, for live scans, grant the read permission the
#     failed API call needs) and scan again.
package smguard.rules.meta.input_readable

import data.smguard.lib.result

deny contains finding if {
	some problem in input.errors
	finding := result.error(rego.metadata.chain(), problem)
}
