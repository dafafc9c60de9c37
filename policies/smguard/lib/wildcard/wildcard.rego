# METADATA
# title: Wildcard patterns
# description: |
#   Matching with * (any run of characters, dots and colons included) and ? (one character),
#   as IAM matches actions and as waivers match resource addresses. Rego's glob.match treats "."
#   as a separator by default, which is wrong for both.
package smguard.lib.wildcard

# METADATA
# scope: document
# description: |
#   True when the pattern (with * and ?) matches the whole value. The usual shapes (a literal,
#   "*", "prefix*") are matched without a regular expression: the embedded engine keeps every
#   expression it compiles, and an AWS-managed policy names thousands of patterns. One else
#   chain: the first shape that fits decides, the others are not tried; false otherwise.
match(pattern, value) if {
	pattern == value
} else if {
	pattern == "*"
} else := startswith(value, trim_suffix(pattern, "*")) if {
	_prefix_only(pattern)
} else := regex.match(_regex(pattern), value) if {
	_wild(pattern)
} else := false

_wild(pattern) if contains(pattern, "*")

_wild(pattern) if contains(pattern, "?")

# "prefix*": one *, at the end, and no ?.
_prefix_only(pattern) if {
	endswith(pattern, "*")
	not contains(trim_suffix(pattern, "*"), "*")
	not contains(pattern, "?")
}

_regex(pattern) := concat("", ["^", replace(replace(strings.replace_n(_escapes, pattern), "*", ".*"), "?", "."), "$"])

_escapes := {
	"\\": "\\\\", ".": "\\.", "+": "\\+", "(": "\\(", ")": "\\)", "[": "\\[", "]": "\\]",
	"{": "\\{", "}": "\\}", "^": "\\^", "$": "\\$", "|": "\\|",
}
