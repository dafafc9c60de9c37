# METADATA
# title: User configuration
# description: |
#   Reads data.smguard.config (the YAML config file) with defaults, so rules never have to care
#   whether a setting was given.
package smguard.lib.config

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
# description: VPC endpoint IDs users may come through (access.allowed_vpce_ids); empty means not configured.
allowed_vpce_ids := {id | some id in _setting(["access", "allowed_vpce_ids"])}

# METADATA
# description: The organization ID of the data perimeter (perimeter.org_id); "" when not configured.
org_id := object.get(_config, ["perimeter", "org_id"], "")

# METADATA
# description: Account IDs inside the data perimeter (perimeter.account_ids); empty means not configured.
account_ids := {id | some id in _setting(["perimeter", "account_ids"])}

# METADATA
# description: Waivers, each {rule, resource (wildcard pattern), reason, expires (YYYY-MM-DD)}.
waivers := object.get(_config, "waivers", [])

# METADATA
# description: Rule IDs the user turned off.
disabled_rules := {id | some id in _setting(["rules", "disable"])}

# Only data.smguard.config is read: the rest of data.smguard is policy, and reading it would
# make every rule depend on itself.
default _config := {}

_config := data.smguard.config

_setting(path) := object.get(_config, path, [])

# METADATA
# scope: document
# description: |
#   True when the config disables rules or has waivers. An empty list counts too: this only
#   decides whether findings are checked against the settings, never what they say.
changes_findings if _config.rules.disable

changes_findings if _config.waivers
