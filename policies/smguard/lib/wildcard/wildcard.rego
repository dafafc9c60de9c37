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
#   expression it compiles, and an AWS-managed policy names thousands of patterns.
match(pattern, value) if pattern == value

match("*", _)

match(pattern, value) if {
	pattern != value
	_prefix_only(pattern)
	startswith(value, trim_suffix(pattern, "*"))
}

match(pattern, value) if {
	pattern != value
	pattern != "*"
	_wild(pattern)
	not _prefix_only(pattern)
	regex.match(_regex(pattern), value)
}

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
