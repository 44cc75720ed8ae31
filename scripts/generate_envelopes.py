"""Rewrite the golden envelopes (package/wwe_scapi/testing/envelopes/*.json) from the service
as it answers today; review the diff before committing it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "package"))

from wwe_scapi.testing.goldens import write_all  # noqa: E402

for path in write_all():
    print(f"wrote {path}")
