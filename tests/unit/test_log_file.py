"""`serve --log FILE`: the desktop page posts its protocol log in batches (LogPoster); the
server appends same-origin posts to the file, as JSON lines, and refuses the rest."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

from browser_support import DesktopPage
from wwe_scapi.cli.server import LOG_PATH, Origin, serve_site
from wwe_scapi.pytest_plugin.sites import free_port


async def test_the_page_posts_its_log_as_json_lines_in_batches() -> None:
    page = DesktopPage(extra={"log": LOG_PATH})
    app = page.app(0)
    await app.agent.get()
    await app.agent.get_state()
    assert page.platform.posted == []  # batched: not on the request path
    page.clock.advance(0.5)
    [(url, text)] = page.platform.posted
    lines = [json.loads(line) for line in text.splitlines()]
    assert url == LOG_PATH and [line["request"] for line in lines] == ["agent.get", "agent.getState"]
    assert lines[0]["tab"] == "App 0" and lines[0]["data"]["username"] == "ksandoval"


async def test_without_the_option_nothing_is_posted() -> None:
    page = DesktopPage()
    await page.app(0).agent.get()
    page.clock.advance(1)
    assert page.platform.posted == []


def _post(url: str, body: bytes, **headers: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers, method="POST")) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_the_server_appends_the_desktop_pages_posts_only(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "protocol.jsonl"
    running = serve_site(tmp_path, [Origin("127.0.0.1", free_port()), Origin("localhost", free_port())], config={}, log_file=log)
    try:
        desk, app = running.origins
        assert json.loads(urllib.request.urlopen(desk + "/config.json").read())["log"] == LOG_PATH
        assert _post(desk + LOG_PATH, b'{"seq": 0}\n', **{"Sec-Fetch-Site": "same-origin"}) == 204
        assert _post(desk + LOG_PATH, b'{"seq": 1}', **{"Sec-Fetch-Site": "same-origin"}) == 204
        assert _post(desk + LOG_PATH, b'{"seq": 9}\n', **{"Sec-Fetch-Site": "cross-site"}) == 403
        assert _post(desk + LOG_PATH, b'{"seq": 9}\n') == 403  # not a browser's page
        assert _post(app + LOG_PATH, b'{"seq": 9}\n', **{"Sec-Fetch-Site": "same-origin"}) == 404
        assert [json.loads(line)["seq"] for line in log.read_text().splitlines()] == [0, 1]
    finally:
        running.stop()
