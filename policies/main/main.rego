# METADATA
# title: conftest's default namespace
# description: |
#   conftest without -n reads package main: here it finds smguard.conftest's verdicts, so a plain
#   `conftest test in.json -p policies` judges instead of reporting 0 tests and passing.
package main

import data.smguard.conftest

# METADATA
# description: Failing and error findings (smguard.conftest.deny).
# entrypoint: true
deny := conftest.deny

# METADATA
# description: Unknown and waived findings and unused waivers (smguard.conftest.warn).
# entrypoint: true
warn := conftest.warn
