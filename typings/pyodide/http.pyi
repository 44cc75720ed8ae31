from typing import Any

class FetchResponse:
    ok: bool
    status: int
    status_text: str
    async def json(self) -> Any: ...
    async def string(self) -> str: ...

async def pyfetch(url: str, **kwargs: Any) -> FetchResponse: ...
