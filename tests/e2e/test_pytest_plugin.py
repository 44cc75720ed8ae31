"""The pytest plugin (`wwe_scapi`, a pytest11 entry point) as an app author meets it: a test
project of its own, run by pytest's pytester in a subprocess (its own Playwright, its own
event loops), against the simulated desktop in Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

INI = """
[pytest]
asyncio_mode = auto
asyncio_default_fixture_loop_scope = function
"""

# A Python app of the author's, in a folder the plugin serves on an origin of its own.
APP_PAGE = """<!doctype html><meta charset="utf-8"><title>CRM</title>
<script type="module">
  import {startApp} from "/wwe-scapi.js";
  startApp("./app.py");
</script>"""
APP_SOURCE = """
from wwe_scapi.browser.app import connect
service = connect()
seen = []
await service.subscribe(["interaction"], lambda message: seen.append(message["data"]["eventType"]))
"""

BROWSER_TESTS = '''
from pathlib import Path
import pytest

APP = Path(__file__).parent / "crm" / "index.html"


def test_a_call_reaches_the_app(wwe_desktop):
    desktop = wwe_desktop(apps=[("CRM", APP), "/apps/sample-b/"], options={"service-client-api.rate-limit": 0})
    crm = desktop.apps[0]
    assert desktop.app("CRM").url == crm.url == desktop.app(crm.origin).url
    call = desktop.scenario.ring_inbound_call(ani="+15550100", user_data={"Segment": "Gold"})
    assert call["state"] == "RINGING" and call["userData"]["Segment"] == "Gold"
    assert [i["interactionId"] for i in desktop.interactions()] == [call["interactionId"]]
    entry = desktop.wait_for_request("subscribe", origin=crm.origin)
    assert entry["parameters"] == ["interaction"] and entry["tab"] == "CRM" and entry["ok"]
    events = desktop.run_in_app("CRM", "import __main__\\nlist(__main__.seen)")
    assert "ADDED" in events or events == []
    state = desktop.run_in_app("CRM", "(await service.agent.get_state())['operationName']")
    assert state == "NotReady"
    answered = desktop.wait_for_request("agent.getState")
    assert answered["data"]["operationName"] == "NotReady" and answered["direction"] == "request"
    with pytest.raises(AttributeError, match="ring_inbound_call"):
        desktop.scenario.no_such_step()


def test_each_test_has_a_fresh_workspace_on_the_same_server(wwe_desktop):
    desktop = wwe_desktop(apps=[("CRM", APP), "/apps/sample-b/"], options={"service-client-api.rate-limit": 0})
    assert desktop.interactions() == []
    Path("server.txt").write_text(desktop.url)


def test_a_refused_step_says_why(wwe_desktop):
    desktop = wwe_desktop(apps=[APP])
    from wwe_scapi.pytest_plugin.desktop import DesktopError
    with pytest.raises(DesktopError, match="no_answer"):
        desktop.scenario.no_answer(interaction_id="no-such-call")


async def test_an_async_test_after_the_browser_ones(wwe_memory):
    client = wwe_memory.connect("http://crm.test")
    assert (await client.agent.get_state())["operationName"] == "NotReady"


def test_this_one_fails_and_gets_the_log_attached(wwe_desktop):
    desktop = wwe_desktop(apps=[("CRM", APP)])
    desktop.wait_for_request("subscribe")
    assert False, "on purpose"
'''


def _project(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    crm = pytester.mkdir("crm")
    (crm / "index.html").write_text(APP_PAGE)
    (crm / "app.py").write_text(APP_SOURCE)


def test_the_plugin_in_a_project_of_its_own(pytester: pytest.Pytester) -> None:
    _project(pytester)
    # The session's last test is async: the browser fixtures are torn down in its teardown.
    last = "async def test_the_last_test_is_async(wwe_memory):\n    assert wwe_memory.connect() is not None\n"
    pytester.makepyfile(test_crm=BROWSER_TESTS, test_last=last)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--wwe-artifacts", "artifacts", timeout=600)
    result.assert_outcomes(passed=5, failed=1, errors=0)
    # the failing test's report: the log, the consoles, a screenshot, in files and in the report
    output = result.stdout.str()
    assert "wwe-scapi desktop-1 protocol log" in output and "subscribe" in output
    [folder] = (pytester.path / "artifacts").iterdir()
    assert "test_this_one_fails" in folder.name
    log = json.loads((folder / "desktop-1-protocol-log.json").read_text())
    assert any(entry["request"] == "subscribe" and entry["tab"] == "CRM" for entry in log)
    assert (folder / "desktop-1-screenshot.png").read_bytes()[:4] == b"\x89PNG"
    assert (folder / "desktop-1-consoles.txt").exists()


def test_an_app_that_fails_to_boot_fails_the_fixture_with_its_traceback(pytester: pytest.Pytester) -> None:
    _project(pytester)
    (pytester.path / "crm" / "app.py").write_text("import crm_helpers  # a module the app did not ship\n")
    pytester.makepyfile(
        test_boot="""
from pathlib import Path

def test_boot(wwe_desktop):
    wwe_desktop(apps=[Path(__file__).parent / "crm" / "index.html"])
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=600)
    result.assert_outcomes(failed=1)
    output = result.stdout.str()
    assert "failed to start" in output and "ModuleNotFoundError" in output and "crm_helpers" in output


def test_a_missing_chromium_is_named(pytester: pytest.Pytester) -> None:
    _project(pytester)
    pytester.makepyfile(test_any="def test_it(wwe_desktop):\n    wwe_desktop()\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--wwe-chromium", "/no/chromium", timeout=300)
    assert "no Chromium at /no/chromium (--wwe-chromium)" in result.stdout.str() + result.stderr.str()
