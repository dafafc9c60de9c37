# METADATA
# title: Decision log masking
# description: |
#   Decision logs keep the decision (the findings, which carry no attribute values) and what
#   was scanned, but not the document itself: resources and read-error messages are erased
#   before a decision is logged.
package system.log

# METADATA
# scope: document
# description: JSON pointers OPA erases from each decision log event.
mask contains "/input/resources"

mask contains "/input/errors"
