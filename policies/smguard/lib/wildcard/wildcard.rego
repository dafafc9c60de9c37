# METADATA
# title: Wildcard patterns
# description: |
#   Matching with * (any run of characters, dots and colons included) and ? (one character),
#   as IAM matches actions and as waivers match resource addresses. Rego's glob.match treats "."
#   as a separator by default, which is wrong for both.
package smguard.lib.wildcard

# METADATA
# scope: document
# description: True when the pattern (with * and ?) matches the whole value.
match(pattern, value) if pattern == value

match(pattern, value) if {
	pattern != value
	regex.match(_regex(pattern), value)
}

_regex(pattern) := concat("", ["^", replace(replace(strings.replace_n(_escapes, pattern), "*", ".*"), "?", "."), "$"])

_escapes := {
	"\\": "\\\\", ".": "\\.", "+": "\\+", "(": "\\(", ")": "\\)", "[": "\\[", "]": "\\]",
	"{": "\\{", "}": "\\}", "^": "\\^", "$": "\\$", "|": "\\|",
}
