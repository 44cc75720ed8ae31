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
