"""Outbound campaigns and their preview records (the reference's Outbound namespace)."""

from wwe_scapi.workspace.outbound.campaigns import Campaign, CampaignBoard, CampaignStatus
from wwe_scapi.workspace.outbound.previews import HeldRecord, Outbound

__all__ = ["Campaign", "CampaignBoard", "CampaignStatus", "HeldRecord", "Outbound"]
