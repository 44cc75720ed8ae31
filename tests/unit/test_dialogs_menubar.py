"""Custom dialogs (openDialog / closeDialog) and Application Menu bar views
(updateViewInApplicationMenuBar / closeViewInApplicationMenuBar) through the broker."""

from __future__ import annotations

from typing import Any

import pytest

from test_system_requests import SystemBench
from wwe_scapi.workspace.dialogs import Dialog

OPEN = "system.openDialog"
CLOSE_DIALOG = "system.closeDialog"
VIEW = "system.updateViewInApplicationMenuBar"
CLOSE_VIEW = "system.closeViewInApplicationMenuBar"
PAGE = "https://lookup.test/page"
NULL_OPTIONS = f"{OPEN}: options must not be null; pass {{}} when there are none."
SIZE_WHAT = "a size in px or % (e.g. '430px', '50%', or a number of pixels)"
VIEW_KEYS = "name, iconUrl, label, shortLabel, tooltip, labelColor, backgroundColor"


# -- openDialog --------------------------------------------------------------------------------


def test_dialog_ids_count_from_1_and_are_never_reused() -> None:
    bench = SystemBench()
    assert [bench.call(OPEN, PAGE, {}) for _ in range(3)] == ["wweCustomDialog1", "wweCustomDialog2", "wweCustomDialog3"]
    assert bench.call(CLOSE_DIALOG, "wweCustomDialog3") is True
    bench.error(OPEN, "/relative", {})
    bench.error(OPEN, PAGE, None)
    assert bench.call(OPEN, PAGE, {}, frame=2) == "wweCustomDialog4"
    assert SystemBench().call(OPEN, PAGE, {}) == "wweCustomDialog1"


def test_the_dialog_keeps_its_owner_url_and_options() -> None:
    bench = SystemBench()
    dialog_id = bench.call(OPEN, PAGE, {"label": "Dialog Ann", "width": "430px", "height": "325px"}, frame=2)
    assert bench.system.dialogs.dialogs == {dialog_id: Dialog(dialog_id, 2, PAGE, "Dialog Ann", "430px", "325px")}
    plain = bench.call(OPEN, PAGE, {})
    assert bench.system.dialogs.dialogs[plain] == Dialog(plain, 1, PAGE, None, None, None)


def test_a_null_url_answers_null_and_opens_nothing() -> None:
    bench = SystemBench()
    reply = bench.reply(OPEN, None, {"label": "x"})
    assert reply["data"] is None and "errorMessage" not in reply
    assert bench.system.dialogs.dialogs == {}
    assert bench.call(OPEN, PAGE, {}) == "wweCustomDialog1"  # the null answer took no id


@pytest.mark.parametrize("parameters", [(PAGE, None), (PAGE,), (None, None), ()])
def test_null_options_are_refused(parameters: tuple[Any, ...]) -> None:
    bench = SystemBench()
    assert bench.error(OPEN, *parameters) == NULL_OPTIONS
    assert bench.system.dialogs.dialogs == {}


@pytest.mark.parametrize("options", ["big", [], ["label"], 5, True])
def test_options_must_be_an_object(options: Any) -> None:
    bench = SystemBench()
    assert bench.error(OPEN, PAGE, options) == f"{OPEN}: options must be an object such as {{label, width, height}}."


def test_bad_options_are_refused_in_strict_mode_even_with_a_null_url() -> None:
    bench = SystemBench(strict=True)
    assert bench.error(OPEN, None, {"width": "wide"}) == f"Strict mode: {OPEN}: width must be {SIZE_WHAT}, got a string 'wide'."
    lenient = SystemBench()
    assert lenient.call(OPEN, None, {"width": "wide"}) is None
    assert lenient.warnings() == [f"{OPEN}: width must be {SIZE_WHAT}, got a string 'wide'; left out."]


@pytest.mark.parametrize(
    "options, stray, treatment, label",
    [
        ({"label": 5}, f"{OPEN}: label must be a string, got a number 5", "read as '5'", "5"),
        ({"label": ["a"]}, f"{OPEN}: label must be a string, got an array ['a']", "left out", None),
        ({"title": "x"}, f"{OPEN}: unknown parameter 'title'; the reference documents label, width, height", "left out", None),
        ({"top": 1, "left": 2}, f"{OPEN}: unknown parameters 'left', 'top'; the reference documents label, width, height", "left out", None),
    ],
)
def test_label_and_unknown_options(options: dict[str, Any], stray: str, treatment: str, label: str | None) -> None:
    assert SystemBench(strict=True).error(OPEN, PAGE, options) == f"Strict mode: {stray}."
    bench = SystemBench()
    dialog_id = bench.call(OPEN, PAGE, options)
    assert bench.system.dialogs.dialogs[dialog_id].label == label
    assert bench.warnings() == [f"{stray}; {treatment}."]


@pytest.mark.parametrize(
    "given, css",
    [
        ("430px", "430px"),
        ("50%", "50%"),
        ("12.5%", "12.5%"),
        ("0.5px", "0.5px"),
        (" 430px ", "430px"),
        (300, "300px"),
        (300.5, "300.5px"),
        (None, None),
    ],
)
@pytest.mark.parametrize("key", ["width", "height"])
def test_sizes_in_px_percent_or_numbers_are_accepted(key: str, given: Any, css: str | None) -> None:
    bench = SystemBench()
    dialog_id = bench.call(OPEN, PAGE, {key: given})
    assert getattr(bench.system.dialogs.dialogs[dialog_id], key) == css


@pytest.mark.parametrize(
    "given, shown, read",
    [
        ("wide", "a string 'wide'", None),
        ("430", "a string '430'", "430px"),
        ("430em", "a string '430em'", None),
        ("430 px", "a string '430 px'", None),
        ("-5px", "a string '-5px'", None),
        ("px", "a string 'px'", None),
        ("", "a string ''", None),
        (0, "a number 0", None),
        (-1, "a number -1", None),
        (True, "a boolean True", None),
        ([430], "an array [430]", None),
    ],
)
@pytest.mark.parametrize("key", ["width", "height"])
def test_other_sizes_are_refused_by_name_in_strict_mode_and_read_or_left_out_otherwise(
    key: str, given: Any, shown: str, read: str | None
) -> None:
    bench = SystemBench(strict=True)
    assert bench.error(OPEN, PAGE, {key: given}) == f"Strict mode: {OPEN}: {key} must be {SIZE_WHAT}, got {shown}."
    assert bench.system.dialogs.dialogs == {}
    lenient = SystemBench()
    dialog_id = lenient.call(OPEN, PAGE, {key: given})
    assert getattr(lenient.system.dialogs.dialogs[dialog_id], key) == read
    treatment = "left out" if read is None else f"read as {read!r}"
    assert lenient.warnings() == [f"{OPEN}: {key} must be {SIZE_WHAT}, got {shown}; {treatment}."]


@pytest.mark.parametrize(
    "url",
    ["http://a.test", "https://lookup.test/page?q=1#top", "HTTPS://LOOKUP.TEST/", "http://localhost:8080/p", "http://10.0.0.1/x"],
)
def test_absolute_http_urls_are_accepted(url: str) -> None:
    bench = SystemBench()
    assert bench.system.dialogs.dialogs[bench.call(OPEN, url, {})].url == url


@pytest.mark.parametrize(
    "url",
    ["ftp://lookup.test/file", "javascript:alert(1)", "data:text/html,<b>x</b>", "https://", "http:///path", "https://lookup test/"],
)
def test_non_http_urls_are_refused(url: str) -> None:
    bench = SystemBench()
    bench.surface.urls[1] = "https://crm.test/apps/panel/index.html"
    assert bench.error(OPEN, url, {}) == f"{OPEN}: url must be an absolute http(s) URL, got {url!r}."
    assert bench.system.dialogs.dialogs == {}


@pytest.mark.parametrize(
    "url, resolved",
    [
        ("", "https://crm.test/apps/panel/index.html?agent=1"),  # the reference's own sample
        ("/relative", "https://crm.test/relative"),
        ("page.html", "https://crm.test/apps/panel/page.html"),
        ("../other/", "https://crm.test/apps/other/"),
        ("//lookup.test/page", "https://lookup.test/page"),
        ("?q=2", "https://crm.test/apps/panel/index.html?q=2"),
    ],
)
def test_relative_urls_resolve_against_the_calling_frames_page(url: str, resolved: str) -> None:
    bench = SystemBench()
    bench.surface.urls[1] = "https://crm.test/apps/panel/index.html?agent=1"
    dialog_id = bench.call(OPEN, url, {})
    assert bench.system.dialogs.dialogs[dialog_id].url == resolved and bench.warnings() == []


def test_a_relative_url_is_refused_when_the_calling_frames_page_is_unknown() -> None:
    bench = SystemBench()
    assert bench.error(OPEN, "", {}) == (
        f"{OPEN}: the url '' is relative and the address of the calling frame's page is not known to the desktop; "
        "give an absolute http(s) URL."
    )
    assert bench.system.dialogs.dialogs == {}


def test_the_references_sample_dialog_opens() -> None:
    bench = SystemBench(strict=True)
    bench.surface.urls[1] = "https://crm.test/apps/panel/"
    options = {"label": "Dialog $Agent.FullName$", "width": "430px", "height": "325px"}
    assert bench.call(OPEN, "", options) == "wweCustomDialog1"
    dialog = bench.system.dialogs.dialogs["wweCustomDialog1"]
    assert (dialog.url, dialog.label, dialog.width, dialog.height) == ("https://crm.test/apps/panel/", "Dialog $Agent.FullName$", "430px", "325px")


def test_close_dialog_answers_true_then_false() -> None:
    bench = SystemBench()
    dialog_id = bench.call(OPEN, PAGE, {})
    assert bench.call(CLOSE_DIALOG, "wweCustomDialog9") is False
    assert bench.call(CLOSE_DIALOG, dialog_id, frame=2) is True
    assert bench.call(CLOSE_DIALOG, dialog_id) is False
    assert bench.system.dialogs.dialogs == {}


# -- Application Menu bar views ----------------------------------------------------------------


def test_a_view_is_created_then_updated_by_merging() -> None:
    bench = SystemBench()
    reply = bench.reply(VIEW, {"name": "queue", "label": "Queue: 3", "labelColor": "#fff", "backgroundColor": "#17849D"})
    assert reply["data"] == "queue" and "errorMessage" not in reply
    assert bench.call(VIEW, {"name": "queue", "label": "Queue: 5", "tooltip": "waiting"}, frame=2) == "queue"
    assert bench.system.menu_bar.views == {
        "queue": {"name": "queue", "label": "Queue: 5", "labelColor": "#fff", "backgroundColor": "#17849D", "tooltip": "waiting"}
    }
    assert bench.system.menu_bar.owners == {"queue": 2}  # the frame that updated it last


def test_views_keep_their_creation_order() -> None:
    bench = SystemBench()
    for name in ("b", "a", "c"):
        bench.call(VIEW, {"name": name, "label": name.upper()})
    bench.call(VIEW, {"name": "b", "label": "B2"})
    assert list(bench.system.menu_bar.views) == ["b", "a", "c"]


def test_an_update_with_the_name_only_keeps_the_view() -> None:
    bench = SystemBench()
    bench.call(VIEW, {"name": "icon", "iconUrl": "https://icons.test/q.png"})
    assert bench.call(VIEW, {"name": "icon"}) == "icon"
    assert bench.call(VIEW, {"name": "icon", "label": None, "shortLabel": "Q"}) == "icon"
    assert bench.system.menu_bar.views["icon"] == {"name": "icon", "iconUrl": "https://icons.test/q.png", "shortLabel": "Q"}


@pytest.mark.parametrize(
    "parameters", [{"label": "x"}, {"name": "", "label": "x"}, {"name": "   ", "label": "x"}, {"name": None, "label": "x"}]
)
def test_the_name_is_mandatory(parameters: dict[str, Any]) -> None:
    bench = SystemBench()
    assert bench.error(VIEW, parameters) == f"{VIEW}: name is mandatory (a non-empty string)."
    assert bench.system.menu_bar.views == {}


def test_the_name_must_be_a_string() -> None:
    assert SystemBench(strict=True).error(VIEW, {"name": 5, "label": "x"}) == f"Strict mode: {VIEW}: name must be a string, got a number 5."
    bench = SystemBench()
    assert bench.call(VIEW, {"name": 5, "label": "x"}) == "5"
    assert bench.warnings() == [f"{VIEW}: name must be a string, got a number 5; read as '5'."]


def test_surrounding_spaces_of_the_name_are_ignored() -> None:
    bench = SystemBench()
    assert bench.call(VIEW, {"name": " queue ", "label": "Q"}) == "queue"
    assert bench.call(CLOSE_VIEW, "queue") is True


@pytest.mark.parametrize("parameters", [{"name": "v"}, {"name": "v", "tooltip": "t", "shortLabel": "s"}, {"name": "v", "label": ""}])
def test_icon_url_or_label_is_mandatory(parameters: dict[str, Any]) -> None:
    bench = SystemBench()
    assert bench.error(VIEW, parameters) == f"{VIEW}: iconUrl or label is mandatory."
    assert bench.system.menu_bar.views == {}


@pytest.mark.parametrize("parameters", [{"name": "v", "label": "L"}, {"name": "v", "iconUrl": "https://icons.test/v.png"}])
def test_icon_url_alone_or_label_alone_is_enough(parameters: dict[str, Any]) -> None:
    bench = SystemBench()
    assert bench.call(VIEW, parameters) == "v"
    assert bench.system.menu_bar.views["v"] == parameters


@pytest.mark.parametrize(
    "parameters, stray, treatment, view",
    [
        (
            {"name": "v", "label": "L", "color": "#fff"},
            f"{VIEW}: unknown parameter 'color'; the reference documents {VIEW_KEYS}",
            "left out",
            {"name": "v", "label": "L"},
        ),
        ({"name": "v", "label": 3}, f"{VIEW}: label must be a string, got a number 3", "read as '3'", {"name": "v", "label": "3"}),
        (
            {"name": "v", "label": "L", "tooltip": ["t"]},
            f"{VIEW}: tooltip must be a string, got an array ['t']",
            "left out",
            {"name": "v", "label": "L"},
        ),
        ({"name": "v", "iconUrl": True, "label": "L"}, f"{VIEW}: iconUrl must be a string, got a boolean True", "read as 'true'", None),
        (
            {"name": "v", "label": "L", "shortLabel": {}},
            f"{VIEW}: shortLabel must be a string, got an object {{}}",
            "left out",
            {"name": "v", "label": "L"},
        ),
    ],
)
def test_other_parameters_are_checked(parameters: dict[str, Any], stray: str, treatment: str, view: dict[str, Any] | None) -> None:
    assert SystemBench(strict=True).error(VIEW, parameters) == f"Strict mode: {stray}."
    bench = SystemBench()
    assert bench.call(VIEW, parameters) == "v"
    assert bench.warnings() == [f"{stray}; {treatment}."]
    if view is not None:
        assert bench.system.menu_bar.views["v"] == view


def test_a_refused_update_leaves_the_view_as_it_was() -> None:
    bench = SystemBench(strict=True)
    bench.call(VIEW, {"name": "v", "label": "L", "labelColor": "#000"}, frame=2)
    bench.error(VIEW, {"name": "v", "label": "M", "labelColor": "black"})
    assert bench.system.menu_bar.views["v"] == {"name": "v", "label": "L", "labelColor": "#000"}
    assert bench.system.menu_bar.owners["v"] == 2


@pytest.mark.parametrize("colour", ["#abc", "#ABC", "#abcd", "#AABBCC", "#aAbBcC", "#1D2733", "#AABBCCDD", "#00000000"])
@pytest.mark.parametrize("key", ["labelColor", "backgroundColor"])
def test_hex_colours_are_accepted(key: str, colour: str) -> None:
    bench = SystemBench()
    bench.call(VIEW, {"name": "v", "label": "L", key: colour})
    assert bench.system.menu_bar.views["v"][key] == colour


@pytest.mark.parametrize(
    "colour, shown",
    [
        ("#FFFFF", "a string '#FFFFF'"),
        ("red", "a string 'red'"),
        ("#GGGGGG", "a string '#GGGGGG'"),
        ("FFFFFF", "a string 'FFFFFF'"),
        ("#", "a string '#'"),
        ("#ab", "a string '#ab'"),
        ("#AABBCCD", "a string '#AABBCCD'"),
        ("#AABBCCDDE", "a string '#AABBCCDDE'"),
        (" #fff", "a string ' #fff'"),
        ("rgb(0,0,0)", "a string 'rgb(0,0,0)'"),
        (0xFFFFFF, "a number 16777215"),
    ],
)
@pytest.mark.parametrize("key", ["labelColor", "backgroundColor"])
def test_other_colours_are_refused_by_name_in_strict_mode_and_shown_as_the_default_otherwise(
    key: str, colour: Any, shown: str
) -> None:
    bench = SystemBench(strict=True)
    assert bench.error(VIEW, {"name": "v", "label": "L", key: colour}) == (
        f"Strict mode: {VIEW}: {key} must be a hex colour such as #1D2733, got {shown}."
    )
    assert bench.system.menu_bar.views == {}
    lenient = SystemBench()
    assert lenient.call(VIEW, {"name": "v", "label": "L", key: colour}) == "v"
    assert lenient.system.menu_bar.views["v"] == {"name": "v", "label": "L"}  # the default colour shows
    assert lenient.warnings() == [f"{VIEW}: {key} must be a hex colour such as #1D2733, got {shown}; left out."]


def test_the_references_sample_colours_make_a_view() -> None:
    bench = SystemBench()
    parameters = {"name": "view0", "label": "Sample", "labelColor": "#FFFFF", "backgroundColor": "#00000"}
    assert bench.call(VIEW, parameters) == "view0"
    assert [warning.split(",")[0] for warning in bench.warnings()] == [
        f"{VIEW}: labelColor must be a hex colour such as #1D2733",
        f"{VIEW}: backgroundColor must be a hex colour such as #1D2733",
    ]


def test_close_view_answers_true_then_false() -> None:
    bench = SystemBench()
    bench.call(VIEW, {"name": "v", "label": "L"})
    assert bench.call(CLOSE_VIEW, "other") is False
    assert bench.call(CLOSE_VIEW, "v", frame=2) is True
    assert bench.call(CLOSE_VIEW, "v") is False
    assert bench.system.menu_bar.views == {} and bench.system.menu_bar.owners == {}


def test_a_closed_view_can_be_created_again() -> None:
    bench = SystemBench()
    bench.call(VIEW, {"name": "v", "label": "L", "tooltip": "old"})
    bench.call(CLOSE_VIEW, "v")
    bench.call(VIEW, {"name": "v", "iconUrl": "https://icons.test/v.png"})
    assert bench.system.menu_bar.views["v"] == {"name": "v", "iconUrl": "https://icons.test/v.png"}


def test_dialogs_and_views_send_no_event_to_frames() -> None:
    bench = SystemBench()
    bench.call(OPEN, PAGE, {})
    bench.call(CLOSE_DIALOG, "wweCustomDialog1")
    bench.call(VIEW, {"name": "v", "label": "L"})
    bench.call(CLOSE_VIEW, "v")
    assert bench.events(1) == [] and bench.events(2) == []
