from typing import Any

# micropip, loaded into the page from Pyodide's own files (in Pyodide only).
async def install(requirements: str | list[str], /, deps: bool = ..., **options: Any) -> None: ...
