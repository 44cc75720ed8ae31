"""The plain reads: requests whose answer depends on the workspace alone and which change
nothing (each is checked, tests/unit/test_tabs_replication.py). A following tab answers them
from its replica; the desktop's host bridge may answer them again while nothing changed."""

from __future__ import annotations

from typing import Final

PLAIN_READS: Final = frozenset(
    {
        "agent.get",
        "agent.getState",
        "agent.getStateList",
        "configuration.getOption",
        "configuration.getContextualOption",
        "interaction.getByInteractionId",
        "interaction.getInteractions",
        "media.getMediaByName",
        "media.getMediaList",
        "voice.isMicrophoneMute",
        "voice.isSpeakerMute",
        "outbound.getCampaigns",
        "outbound.getListOfCallResults",
        "outbound.getCallResult",
        "outbound.getChainedRecords",
        "outbound.getRecordFields",
    }
)
