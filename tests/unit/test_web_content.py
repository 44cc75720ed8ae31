"""Web content: interaction.web-content lists option sections, each with url, title and
visibility (TAB, POPUP, BACKGROUND, HIDDEN); bad sections are refused by name, and
build_service refuses to start with them."""

from __future__ import annotations

from typing import Any

import pytest

from wwe_scapi.security.errors import PolicyConfigError
from wwe_scapi.service.setup import build_service
from wwe_scapi.workspace import WorkspaceError
from wwe_scapi.workspace.configuration import ConfigurationStore
from wwe_scapi.workspace.webcontent import WEB_CONTENT_OPTION, Placement, WebContent, web_contents

SECTIONS: dict[str, dict[str, Any]] = {
    "CRM": {"url": "https://crm.test/app", "title": "Customer file"},
    "Rec": {"url": "http://rec.test/", "visibility": "BACKGROUND"},
    "Notes": {"url": "http://notes.test/n?x=1", "visibility": "POPUP"},
    "Old": {"url": "http://old.test/", "visibility": "HIDDEN"},
}


def store(listed: Any, sections: dict[str, dict[str, Any]] = SECTIONS) -> ConfigurationStore:
    return ConfigurationStore({"interaction-workspace": {WEB_CONTENT_OPTION: listed}, **sections})


def refusal(configuration: ConfigurationStore) -> str:
    with pytest.raises(WorkspaceError) as refused:
        web_contents(configuration)
    return refused.value.message


# -- reading the sections ----------------------------------------------------------------------


@pytest.mark.parametrize("listed", ["CRM,Rec,Notes,Old", " CRM , Rec,Notes ,Old ", ["CRM", "Rec", "Notes", "Old"]])
def test_sections_listed_as_a_string_or_a_list(listed: Any) -> None:
    assert web_contents(store(listed)) == [
        WebContent("CRM", "https://crm.test/app", "Customer file", Placement.TAB),
        WebContent("Rec", "http://rec.test/", "Rec", Placement.BACKGROUND),
        WebContent("Notes", "http://notes.test/n?x=1", "Notes", Placement.POPUP),
        WebContent("Old", "http://old.test/", "Old", Placement.HIDDEN),
    ]


def test_the_order_is_the_listed_one() -> None:
    assert [c.name for c in web_contents(store("Old, CRM, Rec"))] == ["Old", "CRM", "Rec"]


@pytest.mark.parametrize("listed", ["", [], ",", " , ", ["", ""]])
def test_an_empty_list_means_no_web_content(listed: Any) -> None:
    assert web_contents(store(listed)) == []


def test_without_the_option_there_is_no_web_content() -> None:
    assert web_contents(ConfigurationStore()) == []
    assert web_contents(ConfigurationStore(SECTIONS)) == []  # sections alone are not listed


def test_empty_names_between_commas_are_skipped() -> None:
    assert [c.name for c in web_contents(store("CRM,,Rec,"))] == ["CRM", "Rec"]


def test_unlisted_sections_are_ignored_even_when_bad() -> None:
    sections = {**SECTIONS, "Broken": {"url": "relative/page", "visibility": "SIDEBAR"}}
    assert [c.name for c in web_contents(store("CRM", sections))] == ["CRM"]


@pytest.mark.parametrize("title, shown", [(None, "CRM"), ("", "CRM"), ("Customer file", "Customer file")])
def test_the_title_defaults_to_the_section_name(title: str | None, shown: str) -> None:
    section = {"url": "https://crm.test/"} | ({} if title is None else {"title": title})
    assert web_contents(store("CRM", {"CRM": section}))[0].title == shown


@pytest.mark.parametrize(
    "visibility, placement",
    [
        (None, Placement.TAB),
        ("", Placement.TAB),
        ("TAB", Placement.TAB),
        ("tab", Placement.TAB),
        ("Tab", Placement.TAB),
        ("POPUP", Placement.POPUP),
        ("popup", Placement.POPUP),
        ("PopUp", Placement.POPUP),
        ("BACKGROUND", Placement.BACKGROUND),
        ("background", Placement.BACKGROUND),
        ("HIDDEN", Placement.HIDDEN),
        ("hidden", Placement.HIDDEN),
        ("Hidden", Placement.HIDDEN),
    ],
)
def test_visibility_is_case_insensitive_and_tab_by_default(visibility: str | None, placement: Placement) -> None:
    section = {"url": "https://crm.test/"} | ({} if visibility is None else {"visibility": visibility})
    assert web_contents(store("CRM", {"CRM": section}))[0].placement is placement


def test_placements_serialise_to_their_names() -> None:
    assert [str(p) for p in Placement] == ["TAB", "POPUP", "BACKGROUND", "HIDDEN"]


@pytest.mark.parametrize("url", ["http://a.test", "https://a.test:8443/x/y?z=1#w", "HTTP://A.TEST/"])
def test_absolute_http_urls_are_accepted(url: str) -> None:
    assert web_contents(store("App", {"App": {"url": url}}))[0].url == url


# -- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("section", [{}, {"url": ""}, {"title": "No url"}])
def test_a_missing_url_is_refused_naming_the_section(section: dict[str, Any]) -> None:
    assert refusal(store("CRM", {"CRM": section})) == f"{WEB_CONTENT_OPTION}: section 'CRM' needs a url option (CRM/url)."


def test_a_listed_section_that_does_not_exist_is_refused() -> None:
    assert refusal(store("CRM, Ghost")) == f"{WEB_CONTENT_OPTION}: section 'Ghost' needs a url option (Ghost/url)."


@pytest.mark.parametrize(
    "url", ["crm.test", "/app", "./app", "//crm.test/app", "ftp://crm.test/", "javascript:alert(1)", "https://", "file:///etc/passwd"]
)
def test_a_relative_or_non_http_url_is_refused_naming_the_section(url: str) -> None:
    assert refusal(store("CRM", {"CRM": {"url": url}})) == (
        f"{WEB_CONTENT_OPTION}: section 'CRM': url must be an absolute http(s) URL, got {url!r}."
    )


@pytest.mark.parametrize("visibility", ["SIDEBAR", "tabs", "pop-up", "visible"])
def test_a_bad_visibility_is_refused_naming_the_section(visibility: str) -> None:
    assert refusal(store("Rec", {"Rec": {"url": "http://rec.test/", "visibility": visibility}})) == (
        f"{WEB_CONTENT_OPTION}: section 'Rec': visibility must be one of TAB, POPUP, BACKGROUND, HIDDEN, "
        f"got {visibility!r}."
    )


def test_the_first_bad_section_is_the_one_named() -> None:
    sections = {**SECTIONS, "Bad1": {"url": "nope"}, "Bad2": {}}
    assert "section 'Bad1'" in refusal(store("CRM, Bad1, Bad2", sections))


# -- at start-up -------------------------------------------------------------------------------


def test_build_service_starts_with_good_web_content() -> None:
    service = build_service(
        {
            WEB_CONTENT_OPTION: "CRM, Rec",
            "CRM/url": "https://crm.test/app",
            "CRM/title": "Customer file",
            "Rec/url": "http://rec.test/",
            "Rec/visibility": "background",
        }
    )
    assert web_contents(service.workspace.configuration) == [
        WebContent("CRM", "https://crm.test/app", "Customer file", Placement.TAB),
        WebContent("Rec", "http://rec.test/", "Rec", Placement.BACKGROUND),
    ]


def test_build_service_takes_the_list_as_an_array() -> None:
    service = build_service({WEB_CONTENT_OPTION: ["Rec"], "Rec/url": "http://rec.test/"})
    assert [c.name for c in web_contents(service.workspace.configuration)] == ["Rec"]


def test_the_default_workspace_has_no_web_content() -> None:
    assert web_contents(build_service().workspace.configuration) == []


@pytest.mark.parametrize(
    "options, message",
    [
        ({WEB_CONTENT_OPTION: "CRM"}, f"{WEB_CONTENT_OPTION}: section 'CRM' needs a url option (CRM/url)."),
        (
            {WEB_CONTENT_OPTION: "CRM", "CRM/url": "/crm"},
            f"{WEB_CONTENT_OPTION}: section 'CRM': url must be an absolute http(s) URL, got '/crm'.",
        ),
        (
            {WEB_CONTENT_OPTION: ["CRM"], "CRM/url": "http://crm.test/", "CRM/visibility": "modal"},
            f"{WEB_CONTENT_OPTION}: section 'CRM': visibility must be one of TAB, POPUP, BACKGROUND, HIDDEN, got 'modal'.",
        ),
    ],
)
def test_build_service_refuses_bad_web_content(options: dict[str, Any], message: str) -> None:
    with pytest.raises(PolicyConfigError) as refused:
        build_service(options)
    assert str(refused.value) == message
