"""Outbound campaigns: loaded, started, stopped and unloaded by the contact centre, each step
announced on the `outbound` topic (CampaignLoaded, CampaignStarted with its mode,
CampaignStopped, CampaignUnloaded), as the reference's "Outbound campaign events" table shows.

The reference prints no campaign object; outbound.getCampaigns answers this desktop's:
{name, description, groupName, mode, status ("Loaded", "Running", "Stopped"), callingList}.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.events import EventHub
from wwe_scapi.workspace.outbound.records import CallingList

PREVIEW, PUSH_PREVIEW, DIRECT_PUSH_PREVIEW = "Preview", "Push Preview", "Direct Push Preview"
PREVIEW_MODES: Final = (PREVIEW, PUSH_PREVIEW, DIRECT_PUSH_PREVIEW)
# Dialing modes whose calls the dialer places itself: campaigns in them are loaded, started
# and listed, but hand the agent no preview records.
DIALER_MODES: Final = (
    "Progressive",
    "Predictive",
    "Progressive GVP",
    "Predictive GVP",
    "Power GVP",
    "Progressive with Seizing",
    "Predictive with Seizing",
)
MODES: Final = PREVIEW_MODES + DIALER_MODES


class CampaignStatus(enum.StrEnum):
    LOADED = "Loaded"
    RUNNING = "Running"
    STOPPED = "Stopped"


@dataclass(slots=True)
class Campaign:
    name: str
    mode: str
    calling_list: CallingList
    group_name: str = ""
    description: str = ""
    status: CampaignStatus = CampaignStatus.LOADED
    dbid: int = 101
    application_id: int = 139

    def __post_init__(self) -> None:
        self.mode = checked_mode(self.mode)
        self.group_name = self.group_name or f"{self.name}@Agent Group Outbound"

    @property
    def call_type(self) -> str:
        return "OUTBOUND_PUSH_PREVIEW" if self.mode == PUSH_PREVIEW else "OUTBOUND_PREVIEW"

    def gsw_keys(self, agent_number: str) -> dict[str, Any]:
        """The campaign's keys on each of its records (the reference's RECORDS_RETRIEVED sample)."""
        return {
            "GSW_AGENT_ID": agent_number,
            "GSW_APPLICATION_ID": self.application_id,
            "GSW_CAMPAIGN_GROUP_DBID": self.dbid,
            "GSW_CAMPAIGN_GROUP_DESCRIPTION": self.description,
            "GSW_CAMPAIGN_GROUP_NAME": self.group_name,
            "GSW_CAMPAIGN_NAME": self.name,
            "GSW_SWITCH_DBID": 101,
        }

    def to_wire(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "groupName": self.group_name,
            "mode": self.mode,
            "status": self.status.value,
            "callingList": self.calling_list.name,
        }


def checked_mode(mode: str) -> str:
    if mode not in MODES:
        raise WorkspaceError(f"Unknown campaign mode {mode!r}. Modes: {', '.join(MODES)}.")
    return mode


class CampaignBoard:
    """The agent's loaded campaigns, in load order."""

    def __init__(self, events: EventHub, campaigns: Iterable[Campaign] = ()) -> None:
        """`campaigns`: loaded (and running or not) before anyone listens: no events."""
        self._events = events
        self._by_name: dict[str, Campaign] = {campaign.name: campaign for campaign in campaigns}

    def __iter__(self) -> Iterator[Campaign]:
        return iter(list(self._by_name.values()))

    def get(self, name: str) -> Campaign:
        campaign = self._by_name.get(name)
        if campaign is None:
            known = ", ".join(repr(n) for n in self._by_name) or "none"
            raise WorkspaceError(f"Campaign {name!r} is not loaded for this agent (loaded campaigns: {known}).")
        return campaign

    def running(self, mode: str) -> list[Campaign]:
        return [c for c in self._by_name.values() if c.status is CampaignStatus.RUNNING and c.mode == mode]

    def load(self, campaign: Campaign) -> Campaign:
        if campaign.name in self._by_name:
            raise WorkspaceError(f"Campaign {campaign.name!r} is already loaded.")
        campaign.status = CampaignStatus.LOADED
        self._by_name[campaign.name] = campaign
        self._announce("CampaignLoaded", campaign)
        return campaign

    def start(self, name: str, mode: str | None = None) -> Campaign:
        campaign = self.get(name)
        if campaign.status is CampaignStatus.RUNNING:
            raise WorkspaceError(f"Campaign {name!r} is already running ({campaign.mode}).")
        if mode is not None:
            campaign.mode = checked_mode(mode)
        campaign.status = CampaignStatus.RUNNING
        self._announce("CampaignStarted", campaign, mode=campaign.mode)
        return campaign

    def stop(self, name: str) -> Campaign:
        campaign = self.get(name)
        if campaign.status is not CampaignStatus.RUNNING:
            raise WorkspaceError(f"Campaign {name!r} is not running ({campaign.status.value}).")
        campaign.status = CampaignStatus.STOPPED
        self._announce("CampaignStopped", campaign)
        return campaign

    def unload(self, name: str) -> Campaign:
        campaign = self.get(name)
        del self._by_name[name]
        self._announce("CampaignUnloaded", campaign)
        return campaign

    def _announce(self, event_type: str, campaign: Campaign, **more: str) -> None:
        self._events.emit("outbound", {"eventType": event_type, "campaign": campaign.name, **more})
