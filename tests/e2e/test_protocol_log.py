"""The desktop's protocol log panel: newest first, six cells a row, drawn in batches, at most
200 entries, of which only the first few are drawn until the reader scrolls the panel."""

from __future__ import annotations

from typing import Any

from e2e_support import Desktop, app_url

ROWS = "[...document.querySelectorAll('#protocol-log-body tr')]"
CELLS = f"{ROWS}.map(r => [r.className, ...[...r.cells].map(c => c.textContent)])"


def logged_requests(desktop: Desktop, count: int) -> list[list[Any]]:
    """The log's rows (class, then the six cells) once it shows `count` agent.get* requests."""
    desktop.page.wait_for_function(
        f"{ROWS}.filter(r => r.cells[4].textContent.startsWith('agent.get')).length >= {count}", polling=25
    )
    return desktop.page.evaluate(CELLS)


def test_rows_are_newest_first_with_their_six_cells(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop([app_url(site, 1, "vendor-envelopes.html")], accept=[site.origins[1]])
    app = desktop.frame(0)
    app.evaluate("async () => { await window.request('agent.get'); await window.request('agent.getState'); }")
    rows = [row for row in logged_requests(desktop, 2) if row[5].startswith("agent.get")]
    newest_first = ["agent.getState", "agent.get"]
    for (row_class, time, direction, origin, frame, request, result), wanted in zip(rows, newest_first):
        assert (row_class, direction, origin, request) == ("log-request ok", "request", site.origins[1], wanted)
        number, tab = frame.split(" · ")  # the frame id and its tab's title
        assert time.count(":") == 2 and number.isdigit() and tab == "App 0" and result  # the entry's own time of day
    assert len(rows) == 2


def test_a_row_opens_on_the_messages_parameters_and_payload_and_the_log_filters_by_origin_or_tab(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    apps = [app_url(site, 1, "vendor-envelopes.html"), app_url(site, 2, "vendor-envelopes.html")]
    desktop = open_desktop(apps, accept=[site.origins[1], site.origins[2]])
    desktop.frame(0).evaluate("() => window.request('media.getMediaByName', ['voice'])")
    desktop.frame(1).evaluate("() => window.request('agent.get')")
    page = desktop.page
    page.wait_for_function(f"{ROWS}.some(r => r.cells[4].textContent === 'agent.get')", polling=25)
    row = page.locator("#protocol-log-body tr", has_text="media.getMediaByName")
    assert row.locator("pre").text_content() == ""  # fetched from the desktop's Python when opened
    page.on("console", lambda m: print("CONSOLE", m.text))
    row.locator("summary").scroll_into_view_if_needed()  # as a reader would, before clicking
    row.locator("summary").click()
    page.wait_for_function(
        f"{ROWS}.some(r => r.cells[4].textContent === 'media.getMediaByName' && r.querySelector('pre').textContent)", polling=25
    )
    summary, shown = row.locator("summary").text_content(), row.locator("pre").text_content() or ""
    assert summary == "ok" and '"voice"' in shown.split("data:")[0] and '"name": "voice"' in shown
    page.fill("#log-filter", "App 1")
    visible = f"{ROWS}.filter(r => !r.hidden).map(r => r.cells[3].textContent)"
    page.wait_for_function(f"{visible}.length > 0 && {visible}.every(text => text.endsWith('App 1'))", polling=25)
    page.fill("#log-filter", site.origins[1].removeprefix("http://"))
    page.wait_for_function(f"{visible}.length > 0 && {visible}.every(text => text.endsWith('App 0'))", polling=25)
    page.fill("#log-filter", "")
    page.wait_for_function(f"new Set({visible}.map(text => text.split(' · ')[1])).size === 2", polling=25)


def test_a_burst_keeps_the_newest_200_and_draws_the_rest_on_scroll(site, open_desktop) -> None:  # type: ignore[no-untyped-def]
    desktop = open_desktop([app_url(site, 1, "vendor-envelopes.html")], accept=[site.origins[1]])
    app = desktop.frame(0)
    app.evaluate("window.quiet = true")
    app.evaluate("() => window.roundTrips('agent.getState', 250)")
    # With its frame id, as roundTrips sent theirs (without, it would be a new page's request).
    app.evaluate("() => window.request('agent.get', undefined, window.frameIds[0])")
    desktop.page.wait_for_function(f"{ROWS}.length > 0 && {ROWS}[0].cells[4].textContent === 'agent.get'", polling=25)
    at_top = desktop.page.evaluate(CELLS)
    assert 10 <= len(at_top) < 200  # only what the panel shows, and some to scroll into
    newest = f"{ROWS}[0].querySelector('details')"
    desktop.page.evaluate(f"{newest}.open = true")  # the reader opens the newest row
    desktop.page.wait_for_function(f"{newest}.querySelector('pre').textContent.startsWith('data:')", polling=25)
    desktop.page.evaluate("document.querySelector('.log-scroll').scrollTop = 40")
    desktop.page.wait_for_function(f"{ROWS}.length === 200", polling=25)
    assert desktop.page.evaluate(f"{newest}.open")  # the older rows came below it: still open
    scrolled = desktop.page.evaluate(CELLS)
    assert scrolled[1 : len(at_top)] == at_top[1:] and scrolled[0][:6] == at_top[0][:6]  # the first, opened
    assert [row[5] for row in scrolled] == ["agent.get"] + ["agent.getState"] * 199
    desktop.page.evaluate("document.querySelector('.log-scroll').scrollTop = 0")
    desktop.page.wait_for_function(f"{ROWS}.length === {len(at_top)}", polling=25)
