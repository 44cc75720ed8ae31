"""The only code that imports `js` / `pyodide`: postMessage transports, boot functions for the
desktop (service) and for apps (client), and the desktop UI.

Apps use `wwe_scapi.browser.connect()`; the desktop page calls `wwe_scapi.browser.host.start()`.
"""

from wwe_scapi.browser.app import connect

__all__ = ["connect"]
