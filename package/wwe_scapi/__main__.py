"""`python -m wwe_scapi` runs the command line."""

from wwe_scapi.cli.main import main

raise SystemExit(main())
