"""``python -m benchmarks``: see :mod:`benchmarks.run` (kept in a module so spawned workers can import it)."""
import sys

from benchmarks.run import main

sys.exit(main())
