"""``python -m timeline`` runs the command-line interface."""

import sys

from timeline.cli import main

sys.exit(main())
