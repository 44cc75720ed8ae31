"""The default simulated Agent Workspace: a plausible agent, media and configuration."""

from __future__ import annotations

from wwe_scapi.workspace.configuration import OptionValue

DEFAULT_AGENT = {
    "employeeId": "5001",
    "firstname": "Kim",
    "lastname": "Sandoval",
    "username": "ksandoval",
}

# name -> (voice device number, or None for a non-voice media)
DEFAULT_MEDIA: dict[str, str | None] = {"voice": "5001", "chat": None, "email": None}

DEFAULT_OPTIONS: dict[str, dict[str, OptionValue]] = {
    "interaction-workspace": {
        "interaction.case-data.frame-color": "#17849D",
        "interaction.case-data.header-foreground-color": "#FFFFFF",
        "interaction.override-option-key": "IW_OverrideOptions",
        "interaction.web-content": "",
        "voice.auto-answer": "false",
        "voice.mark-done-on-release": "true",
        "voice.prompt-for-end": "false",
        "voice.cancel-after-call-work-on-done": "false",
        "chat.auto-answer": "false",
        "chat.typing-is-enabled": "true",
        "email.auto-answer": "false",
        "email.default-queue": "Outbound Email Queue",
        "privilege.voice.can-dial": "true",
        "privilege.voice.can-hold-retrieve-call": "true",
        "privilege.voice.can-one-step-transfer": "true",
        "privilege.chat.can-use": "true",
        "privilege.email.can-use": "true",
        "agent-status.not-ready-reasons": ["Break", "Lunch", "Training"],
        "agent-status.enabled-actions-global": ["Ready", "NotReady", "NotReadyReason", "Dnd", "LogOff"],
        "sipendpoint.audio.microphone-volume": "100",
        "service-client-api.rate-limit": "0",
        "service-client-api.toast.width": "320",
        "security.inactivity-timeout": "0",
        "service-client-api.rate-limit-quarantine-delay": "30",
    },
    "CustomAPI": {
        "test.greeting": "Hello from the simulated Agent Workspace",
        "test.customer-code": "ACME-042",
    },
}

# Transaction objects a routing strategy may name (see configuration.getContextualOption):
# name -> annex of "section/option" overrides. The reference's example.
DEFAULT_TRANSACTIONS: dict[str, dict[str, OptionValue]] = {
    "CaseDataColor": {"interaction-workspace/interaction.case-data.frame-color": "#FF000088"},
}
