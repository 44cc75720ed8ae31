"""Build the static site into site/: `python build.py` (the same as `wwe-scapi build`)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "package"))

from wwe_scapi.cli.main import main  # noqa: E402

raise SystemExit(main(["build", *sys.argv[1:]]))
