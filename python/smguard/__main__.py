"""``python -m smguard``."""

import sys

from smguard.cli import main

sys.exit(main())
