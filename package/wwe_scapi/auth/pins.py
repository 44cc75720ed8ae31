"""The page-side wheels, pinned: the build downloads them from PyPI once (checked against
these hashes) and serves them; the desktop installs them with micropip on the first
`auth.getJwtToken`, never at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Pin:
    requirement: str  # what `pip download` is asked for
    filename: str
    sha256: str


# Pyodide 314.0.7's npm package ships no micropip; its lock names a build of it whose hash is
# not PyPI's, so the build puts PyPI's wheel beside Pyodide's files and rewrites that entry.
MICROPIP: Final = Pin(
    "micropip==0.11.1",
    "micropip-0.11.1-py3-none-any.whl",
    "768de165adb8e66906039d8fec4127a57f522dfdf8e6fbff877a4616941ecfd3",
)

# PyJWT makes and checks the token; python-rsa signs it (RS256), because `cryptography` has
# no wheel for Pyodide on PyPI. python-rsa's own dependency, pyasn1, reads PEM files only:
# the key comes as a JWK, so it is not installed.
TOKEN_WHEELS: Final = (
    Pin("pyjwt==2.15.1", "pyjwt-2.15.1-py3-none-any.whl", "42d59d631f7768a1028a64c7ff581a9bf7519804daf91fc5b6c56e30eec5e193"),
    Pin("rsa==4.9.1", "rsa-4.9.1-py3-none-any.whl", "68635866661c6836b8d39430f97a996acbd61bfa49406748ea243539fe239762"),
)
