package smguard.lib.config_test

import data.smguard.lib.config

test_defaults_without_config if {
	count(config.approved_subnet_ids) == 0
	not config.network_restricted
	count(config.disabled_rules) == 0
}

test_reads_lists if {
	config.approved_vpc_ids == {"vpc-1"} with data.smguard.config as {"network": {"approved_vpc_ids": ["vpc-1"]}}
	config.network_restricted with data.smguard.config as {"network": {"approved_vpc_ids": ["vpc-1"]}}
	config.disabled_rules == {"SM101"} with data.smguard.config as {"rules": {"disable": ["SM101"]}}
}

test_only_rule_settings_can_change_findings if {
	not config.changes_findings
	not config.changes_findings with data.smguard.config as {"network": {"approved_vpc_ids": ["vpc-1"]}}
	config.changes_findings with data.smguard.config as {"rules": {"disable": ["SM101"]}}
	config.changes_findings with data.smguard.config as {"waivers": []}
}
