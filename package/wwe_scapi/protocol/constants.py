"""Fixed values of the wire protocol (PROTOCOL.md)."""

from typing import Final

PROTOCOL_VERSION: Final = 2
SERVER_USER_AGENT: Final = "WWE Server"
CLIENT_USER_AGENT: Final = "WWE Client"
# The vendor client ignores any message whose userAgent does not contain this.
USER_AGENT_MARK: Final = "WWE"
REQUEST_TIMEOUT_MESSAGE: Final = "Request timeout"
DEFAULT_TIMEOUT_SECONDS: Final = 10.0
MESSENGER_PREFIX: Final = "messenger:"
# What one frame may make the desktop hold: a message's length as JSON text (read before it is
# parsed), and each string in a request's parameters (names, numbers, user data values...).
MAX_MESSAGE_CHARS: Final = 1_048_576
MAX_STRING_CHARS: Final = 16_384
# How long the desktop serves queued messages before it lets the page's other tasks in (ms).
FAIRNESS_SLICE_MS: Final = 8

# The host bridge keeps at most this many answers per window (service/keptreads.py); reads
# with other parameters than those are served by Python.
KEPT_PER_WINDOW: Final = 32
# The host bridge tells Python which answers it gave again at most this long after the first
# (a timer: earlier, before anything else reaches Python). Not a MessageChannel task at once:
# that ran Python's bookkeeping before Chromium had sent the answer to the other process
# (benchmarks/README.md, kept answers: 20-40 µs of a round trip's mean).
KEPT_TELL_MS: Final = 20
