"""The desktop page's API (docs/testing.md), used as the @playwright/test recipe uses it, with
the same JavaScript, on the example project's CRM app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

CRM = ("CRM", Path(__file__).resolve().parents[2] / "examples" / "crm-screen-pop" / "apps" / "python" / "index.html")


def test_the_page_api_as_a_node_recipe_uses_it(wwe_desktop: Any) -> None:
    page = wwe_desktop(apps=[CRM]).page
    page.wait_for_function("() => window.wweDesktopReady === true")
    call = page.evaluate("() => window.wweScenario('ring_inbound_call', {ani: '+15550100'})")
    page.wait_for_function(
        """(id) => window.wweLog().some((entry) =>
    entry.request === "interaction.setUserData" && entry.parameters[0] === id)""",
        arg=call["interactionId"],
    )
    expect(page.frame_locator("iframe[title=CRM]").locator("#account")).to_have_text("Acme Corp (ACME-042)")
    [listed] = page.evaluate("() => window.wweInteractions()")
    assert listed["interactionId"] == call["interactionId"] and listed["userData"]["CRM_AccountId"] == "ACME-042"
    later = page.evaluate("(since) => window.wweLog(since)", len(page.evaluate("() => window.wweLog()")) - 1)
    assert len(later) == 1 and set(later[0]) >= {"seq", "at", "direction", "origin", "frame", "tab", "request", "parameters", "result", "data", "ok", "warnings"}


def test_a_bad_option_is_refused_before_the_page_opens(wwe_desktop: Any) -> None:
    """As `serve` refuses to start: the option is named, no page is opened."""
    import pytest

    from wwe_scapi.security.errors import PolicyConfigError

    with pytest.raises(PolicyConfigError, match="service-client-api.rate-limit"):
        wwe_desktop(options={"service-client-api.rate-limit": "many"})
