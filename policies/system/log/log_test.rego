package system.log_test

import data.system.log

test_document_is_masked if {
	log.mask == {"/input/resources", "/input/errors"}
}
