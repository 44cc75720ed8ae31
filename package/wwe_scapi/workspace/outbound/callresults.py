"""The call results an agent may give an outbound record (outbound.getListOfCallResults).

The reference's list (its line 6190 on) as printed, OCR repaired: spaces read back as
underscores (`SYSTEM ERROR` -> SYSTEM_ERROR), `0K` -> OK, `FAXDETECTED` -> FAX_DETECTED,
`NUTONE` -> NU_TONE. Two codes are lost in the OCR and inferred from the list's own
numbering: AGENT_CALLBACK_ERROR 47 and GROUP_CALLBACK_ERROR 48 (they stand, in that order,
between STALE 46 and DO_NOT_CALL 51).
"""

from __future__ import annotations

from typing import Final

CALL_RESULTS: Final[dict[str, int]] = {
    "OK": 0,
    "GENERAL_ERROR": 3,
    "SYSTEM_ERROR": 4,
    "BUSY": 6,
    "NO_ANSWER": 7,
    "SIT_DETECTED": 8,
    "ANSWERING_MACHINE": 9,
    "ALL_TRUNKS_BUSY": 10,
    "SIT_INVALID_NUM": 11,
    "SIT_VACANT": 12,
    "SIT_OPERINTERCEPT": 13,
    "SIT_UNKNOWN": 14,
    "SIT_NO_CIRCUIT": 15,
    "SIT_REORDER": 16,
    "FAX_DETECTED": 17,
    "ABANDONED": 21,
    "DROPPED": 26,
    "DROPPED_NO_ANSWER": 27,
    "UNKNOWN": 28,
    "SILENCE": 32,
    "ANSWER": 33,
    "NU_TONE": 34,
    "NO_DIAL_TONE": 35,
    "NO_PROGRESS": 36,
    "NO_RINGBACK": 37,
    "NO_ESTABLISHED": 38,
    "PAGER_DETECTED": 39,
    "WRONG_PARTY": 40,
    "DIAL_ERROR": 41,
    "CALL_DROP_ERROR": 42,
    "SWITCH_ERROR": 43,
    "NO_FREE_PORT_ERROR": 44,
    "TRANSFER_ERROR": 45,
    "STALE": 46,
    "AGENT_CALLBACK_ERROR": 47,
    "GROUP_CALLBACK_ERROR": 48,
    "DO_NOT_CALL": 51,
    "CANCEL_RECORD": 52,
    "WRONG_NUMBER": 53,
}
INFERRED_CODES: Final = frozenset({"AGENT_CALLBACK_ERROR", "GROUP_CALLBACK_ERROR"})
NAMES_BY_CODE: Final[dict[int, str]] = {code: name for name, code in CALL_RESULTS.items()}
UNKNOWN_RESULT: Final = CALL_RESULTS["UNKNOWN"]  # what a fresh record carries as GSW_CALL_RESULT
