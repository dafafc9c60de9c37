package smguard.lib.cidr_test

import data.smguard.lib.cidr

test_region_intersects_and_subtracts if {
	region := cidr.region([["10.0.0.0/8", "192.0.2.0/24"], ["10.1.0.0/16", "192.0.2.0/25"]], [["10.1.2.0/24"]])
	region.blocks == {"10.1.0.0/16", "192.0.2.0/25"}
	cidr.open_blocks(region) == ["10.1.0.0/16", "192.0.2.0/25"]
	count(cidr.open_blocks(region)) > 0
}

test_empty_regions if {
	count(cidr.open_blocks(cidr.region([["10.0.0.0/8"], ["192.0.2.0/24"]], []))) == 0
	count(cidr.open_blocks(cidr.region([["10.0.0.0/8"]], [["10.0.0.0/9", "10.128.0.0/9"]]))) == 0
	count(cidr.open_blocks(cidr.region([[]], []))) == 0
}

test_bare_addresses_are_single_address_blocks if {
	cidr.region([["192.0.2.7"]], []).blocks == {"192.0.2.7/32"}
}

test_size_threshold_counts_addresses_not_blocks if {
	not cidr.unrestricted(cidr.region([["10.0.0.0/8"]], []))
	cidr.unrestricted(cidr.region([["11.0.0.0/8", "12.0.0.0/24"]], []))
	cidr.unrestricted(cidr.region([["0.0.0.0/0"]], [["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/4", "208.0.0.0/5"]]))
	but_one_slash_8 := [
		"0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/4", "208.0.0.0/5",
		"216.0.0.0/6", "220.0.0.0/7", "222.0.0.0/8",
	]
	not cidr.unrestricted(cidr.region([["0.0.0.0/0"]], [but_one_slash_8]))
	private := ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "192.0.2.0/24"]
	not cidr.unrestricted(cidr.region([private], []))
	cidr.unrestricted(cidr.region([["2001:db8::/31"]], []))
	not cidr.unrestricted(cidr.region([["2001:db8::/32"]], []))
	cidr.unrestricted(cidr.region([], [["192.0.2.0/24"]]))
}

# OPA reads IPv4 as IPv4-mapped IPv6: without keeping the families apart, ::/0 holds 192.0.2.0/24.
test_families_stay_apart if {
	region := cidr.region([["192.0.2.0/24", "::/1", "8000::/1"]], [])
	region.blocks == {"192.0.2.0/24", "::/0"}
	count(cidr.open_blocks(cidr.region([["192.0.2.0/24"]], [["::/0"]]))) > 0
	count(cidr.open_blocks(cidr.region([["0.0.0.0/0"]], [["0.0.0.0/1", "128.0.0.0/1", "::/0"]]))) == 0
	cidr.block("192.0.2.7") == "192.0.2.7/32"
	cidr.block("2001:db8::7") == "2001:db8::7/128"
}

test_valid_addresses if {
	every text in ["192.0.2.7", "192.0.2.0/24", "0.0.0.0/0", "255.255.255.255/32", "2001:db8::/32", "::1"] {
		cidr.valid(text)
	}
	every text in ["not-an-ip", "10.0.0.0/33", "256.0.0.1", "1.2.3", "2001:db8::/129", "10.0.0.0/8/8"] {
		not cidr.valid(text)
	}
}

test_ipv6_forms_without_and_with_the_host_call if {
	every text in ["2001:0DB8:0:0:0:ff00:42:8329/64", "fe80::", "::", "1::2:3:4:5:6:7", "2001:db8::/0"] {
		regex.match(cidr._ipv6, text)
		cidr.valid(text)
	}

	# An IPv4 tail is valid IPv6 the expression leaves to net.cidr_is_valid.
	not regex.match(cidr._ipv6, "::ffff:192.0.2.1")
	cidr.valid("::ffff:192.0.2.1")
	every text in ["2001:db8::1::2", "12345::", "2001:db8::g", "1:2:3:4:5:6:7:8:9", "::/130", ":1:2"] {
		not regex.match(cidr._ipv6, text)
		not cidr.valid(text)
	}
}
