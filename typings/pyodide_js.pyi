from typing import Any

# The running Pyodide's JavaScript API, as a module (in Pyodide only).
async def loadPackage(names: str | list[str], /, **options: Any) -> Any: ...  # noqa: N802
