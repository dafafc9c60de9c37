# METADATA
# title: User configuration
# description: |
#   Reads data.smguard.config (the YAML config file) with defaults, so rules never have to care
#   whether a setting was given.
package smguard.lib.config

import data.smguard.lib.catalog

# METADATA
# description: Subnet IDs notebooks and jobs may use; empty means not configured.
approved_subnet_ids := {id | some id in _setting(["network", "approved_subnet_ids"])}

# METADATA
# description: VPC IDs notebooks and jobs may use; empty means not configured.
approved_vpc_ids := {id | some id in _setting(["network", "approved_vpc_ids"])}

# METADATA
# description: True when an approved-network list is configured.
network_restricted if count(approved_subnet_ids) + count(approved_vpc_ids) > 0

# METADATA
# description: CIDR ranges users may come from (access.corporate_cidrs); empty means not configured.
corporate_cidrs := {cidr | some cidr in _setting(["access", "corporate_cidrs"])}

# METADATA
# description: The statuses that fail a scan (scan.fail_on); fail and error always do.
fail_on := {status | some status in _setting(["scan", "fail_on"])} | {"fail", "error"}

# METADATA
# description: Roles, users and groups (names or ARNs) allowed to administer SageMaker (access.admin_principals).
admin_principals := {principal | some principal in _setting(["access", "admin_principals"])}

# METADATA
# description: VPC endpoint IDs users may come through (access.allowed_vpce_ids); empty means not configured.
allowed_vpce_ids := {id | some id in _setting(["access", "allowed_vpce_ids"])}

# METADATA
# description: Accounts whose ECR repositories model images may come from (hosting.image_accounts); empty means any.
image_accounts := {id | some id in _setting(["hosting", "image_accounts"])}

# METADATA
# description: The organization ID of the data perimeter (perimeter.org_id); "" when not configured.
org_id := object.get(_config, ["perimeter", "org_id"], "")

# METADATA
# description: Account IDs inside the data perimeter (perimeter.account_ids); empty means not configured.
account_ids := {id | some id in _setting(["perimeter", "account_ids"])}

# METADATA
# description: |
#   The complete waivers, each {rule, resource (wildcard pattern), reason, expires (YYYY-MM-DD)},
#   by their index in the config. One with a key missing, an impossible date or an unknown rule
#   waives nothing (and is one of the problems).
waivers[i] := waiver if {
	some i, waiver in _waiver_list
	_complete(waiver)
}

# METADATA
# description: Rule IDs the user turned off.
disabled_rules := {id | some id in _setting(["rules", "disable"])}

# Only data.smguard.config is read: the rest of data.smguard is policy, and reading it would
# make every rule depend on itself.
default _config := {}

_config := data.smguard.config

# METADATA
# description: |
#   True when a config is given (not absent or {}, which have no problems) that was not
#   validated when its bundle was built: `smguard bundle` refuses a config with problems and
#   marks the bundle (data.smguard.checked.config), so a sidecar does not validate it again for
#   every request, which cost more than evaluating the rules on a one-job request.
unchecked if {
	_config != {}
	not data.smguard.checked.config == true
}

_setting(path) := object.get(_config, path, [])

_object := _config if is_object(_config)

_waiver_list := waivers if {
	waivers := object.get(_object, "waivers", [])
	is_array(waivers)
}

# METADATA
# scope: document
# description: |
#   What is wrong with the config, one message each; empty when it is valid. The CLI refuses such
#   a config before evaluating; on the Rego routes (conftest, opa eval --data, a sidecar's
#   bundle) SM001 reports each problem, so a config mistake never passes silently.
problems contains "the config must be an object" if not is_object(_config)

problems contains sprintf("unknown config section %q (known: %s)", [section, _known_sections]) if {
	some section, _ in _object
	not section in catalog.sections
}

problems contains sprintf("%s must be a mapping", [section]) if {
	some section, settings in _object
	catalog.settings[section]
	not is_object(settings)
}

problems contains sprintf("unknown config key %q", [concat(".", [section, key])]) if {
	some section, settings in _object
	is_object(settings)
	catalog.settings[section]
	some key, _ in settings
	not catalog.settings[section][key]
}

problems contains sprintf("%s.%s must be %s", [section, key, _shape[spec.single]]) if {
	some [section, key, spec, values] in _given
	not _all_strings(values)
}

problems contains sprintf("%s.%s: %q is not %s", [section, key, value, spec.what]) if {
	some [section, key, spec, values] in _given
	some value in values
	is_string(value)
	not _valid(spec.check, value)
}

problems contains sprintf("rules.disable: %s cannot be disabled (it reports input that could not be read)", [id]) if {
	some id in disabled_rules
	id in catalog.always_on
}

problems contains sprintf("rules.disable names an unknown rule %q", [id]) if {
	some id in disabled_rules
	is_string(id)
	not _known_rule(id)
}

problems contains "policies must be a list of folders" if {
	"policies" in object.keys(_object)
	not _folders(_object.policies)
}

problems contains "waivers must be a list" if {
	"waivers" in object.keys(_object)
	not is_array(_object.waivers)
}

problems contains sprintf("waivers[%d] must be a mapping", [i]) if {
	some i, waiver in _waiver_list
	not is_object(waiver)
}

problems contains sprintf("waivers[%d]: %s", [i, problem]) if {
	some i, waiver in _waiver_list
	is_object(waiver)
	some problem in _waiver_problems(waiver)
}

_waiver_problems(waiver) := ((({problem |
	some key, _ in waiver
	not key in catalog.waiver_keys
	problem := sprintf("unknown key %q", [key])
} | {problem |
	some key in catalog.waiver_keys
	not _filled(waiver, key)
	problem := sprintf("%s is required (a non-empty string)", [key])
}) | {problem |
	_filled(waiver, "expires")
	not _date(waiver.expires)
	problem := sprintf("expires %q is not a date (YYYY-MM-DD)", [waiver.expires])
}) | {problem |
	_filled(waiver, "rule")
	not _known_rule(waiver.rule)
	problem := sprintf("unknown rule %q", [waiver.rule])
}) | {problem |
	waiver.rule in catalog.always_on
	problem := sprintf("%s cannot be waived (it reports input that could not be read)", [waiver.rule])
}

_folders(folders) if {
	_all_strings(folders)
	not "" in folders
}

_complete(waiver) if {
	is_object(waiver)
	count(_waiver_problems(waiver)) == 0
}

_filled(waiver, key) if {
	is_string(waiver[key])
	waiver[key] != ""
}

# A calendar date: the shape, and a day the month has (2027-02-30 is no date).
_date(text) if {
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, text)
	is_number(time.parse_rfc3339_ns(sprintf("%sT00:00:00Z", [text])))
}

# SM9xx is the users' range: their rules' METADATA is not readable from Rego (the CLI checks them).
_known_rule(id) if id in catalog.rule_ids

_known_rule(id) if regex.match(`^SM9[0-9]{2}$`, id)

_known_sections := concat(", ", sort(catalog.sections))

_given contains [section, key, spec, _as_list(spec.single, value)] if {
	some section, settings in _object
	is_object(settings)
	some key, value in settings
	spec := catalog.settings[section][key]
}

_as_list(true, value) := [value]

_as_list(false, value) := value

_shape := {true: "a string", false: "a list of strings"}

_all_strings(values) if {
	is_array(values)
	every value in values {
		is_string(value)
	}
}

# Valid and written as its own network (10.0.0.1/24 is refused, as the CLI refuses it): the
# address is the network's first address, however either is spelt (2001:DB8::, 2001:db8:0::).
_valid("cidr", value) if {
	net.cidr_is_valid(value)
	[address, _] := split(value, "/")
	some network in net.cidr_merge([value])
	[first, _] := split(network, "/")
	net.cidr_contains(_single(address), _single(first))
}

_valid(check, value) if {
	check != "cidr"
	regex.match(concat("", ["^(?:", check, ")$"]), value)
}

# METADATA
# scope: document
# description: |
#   True when the config disables rules or has waivers. An empty list counts too: this only
#   decides whether findings are checked against the settings, never what they say.
changes_findings if _config.rules.disable

changes_findings if _config.waivers

_single(address) := concat("/", [address, "128"]) if contains(address, ":")

_single(address) := concat("/", [address, "32"]) if not contains(address, ":")
