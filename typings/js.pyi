# The page's JavaScript globals as Pyodide gives them to Python (only compat/in_pyodide.py
# imports this): everything is a JsProxy, typed as Any.
from typing import Any

document: Any
window: Any
Object: Any

def __getattr__(name: str) -> Any: ...
