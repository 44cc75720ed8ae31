"""Call results through the broker: getListOfCallResults is the reference's list (read from
its OCR, repaired here, not copied from the package), getCallResult before and after
setCallResult, and what each record's work amounts to once marked done (scenario step
campaign_records)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from outbound_support import FIRST_CHAIN, PULL, PUSH, OutboundBench

# The reference's sample response of outbound.getListOfCallResults (its lines 6190-6240), as
# the OCR prints it. Two values are lost: AGENT_CALLBACK_ERROR and GROUP_CALLBACK_ERROR.
OCR_LINES = '''
"0K": 0,
"GENERAL_ERROR": 3,
"SYSTEM ERROR": 4,
"BUSY": 6,
"NO_ANSWER": 7,
"SIT DETECTED": 8,
"ANSWERING MACHINE": 9,
"ALL TRUNKS BUSY": 10,
"SIT INVALID NUM": 11,
"SIT VACANT": 12,
"SIT OPERINTERCEPT": 13,
"SIT UNKNOWN": 14,
"SIT NO CIRCUIT": 15,
"SIT REORDER": 16,
"FAXDETECTED": 17,
"ABANDONED": 21,
"DROPPED": 26,
"DROPPED_NO ANSWER": 27,
"UNKNOWN" : 28,
"SILENCE": 32,
"ANSWER": 33,
"NUTONE": 34,
"NO DIAL TONE": 35,
"NO_PROGRESS": 36,
"NO_RINGBACK": 37,
"NO ESTABLISHED": 38,
"PAGER DETECTED": 39,
"WRONG_PARTY": 40,
"DIAL ERROR": 41,
"CALL DROP_ERROR": 42,
"SWITCH ERROR": 43,
"NO FREE PORT ERROR": 44,
"TRANSFER _ERROR": 45,
"STALE": 46,
"AGENT CALLBACK ERROR":
"GROUP_CALLBACK ERROR":
"DO_NOT CALL": 51,
"CANCEL_RECORD": 52,
"WRONG_NUMBER": 53
'''.strip().splitlines()
OCR_WORDS = {"0K": "OK", "FAXDETECTED": "FAX_DETECTED", "NUTONE": "NU_TONE"}
# Where the OCR lost a value, the list's own numbering has a gap between STALE 46 and DO_NOT_CALL 51.
INFERRED = {"AGENT_CALLBACK_ERROR": 47, "GROUP_CALLBACK_ERROR": 48}
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "service-client-api-reference.txt"


def _repaired(lines: list[str]) -> dict[str, int]:
    """The OCR lines read back: `"SYSTEM ERROR": 4,` -> SYSTEM_ERROR 4."""
    results: dict[str, int] = {}
    for line in lines:
        found = re.fullmatch(r'"([^"]+)"\s*:\s*(\d+)?,?', line)
        assert found is not None, line
        name = re.sub(r"[ _]+", "_", found.group(1).strip())
        name = OCR_WORDS.get(name, name)
        results[name] = int(found.group(2)) if found.group(2) else INFERRED[name]
    return results


def test_the_list_of_call_results_is_the_references() -> None:
    bench = OutboundBench()
    answer = bench.call("outbound.getListOfCallResults")
    assert list(answer.items()) == list(_repaired(OCR_LINES).items())


def test_the_ocr_lines_are_the_references_own() -> None:
    if not REFERENCE.exists():
        pytest.skip(f"the vendor reference is not at {REFERENCE}")
    text = REFERENCE.read_text(encoding="utf-8")
    start = text.index('"request": "outbound.getListOfCallResults"')
    printed = [line.strip() for line in text[start : start + 1500].splitlines()]
    assert [line for line in OCR_LINES if line not in printed] == []


def test_call_result_codes_are_unique_and_ascending_in_the_lists_order() -> None:
    codes = list(OutboundBench().call("outbound.getListOfCallResults").values())
    assert codes == sorted(set(codes))
    assert all(isinstance(code, int) and not isinstance(code, bool) for code in codes)


def test_the_list_repairs_what_the_ocr_garbled() -> None:
    names = set(OutboundBench().call("outbound.getListOfCallResults"))
    assert {"OK", "FAX_DETECTED", "NU_TONE", "SYSTEM_ERROR", "DROPPED_NO_ANSWER", "TRANSFER_ERROR"} <= names
    assert not [name for name in names if " " in name or "0K" in name]
    assert {name: code for name, code in OutboundBench().call("outbound.getListOfCallResults").items() if name in INFERRED} == INFERRED


# -- getCallResult --------------------------------------------------------------------------------


def test_no_call_result_is_set_before_the_agent_sets_one() -> None:
    bench = OutboundBench()
    preview = bench.pull()
    assert bench.call("outbound.getCallResult", preview) is None
    call = bench.talking(preview)
    assert bench.call("outbound.getCallResult", call) is None


def test_the_call_result_set_is_the_one_got() -> None:
    bench = OutboundBench()
    call = bench.talking(bench.pull())
    bench.call("outbound.setCallResult", call, 6)
    assert bench.call("outbound.getCallResult", call) == 6
    bench.call("outbound.setCallResult", call, 33)
    assert bench.call("outbound.getCallResult", call) == 33


def test_a_call_result_may_be_set_once_the_call_is_released() -> None:
    bench = OutboundBench()
    call = bench.released(bench.pull())
    bench.call("outbound.setCallResult", call, 7)
    assert bench.call("outbound.getCallResult", call) == 7


def test_the_call_result_belongs_to_the_record_dialled() -> None:
    bench = OutboundBench()
    call = bench.dial(bench.pull(), 258)
    bench.call("outbound.setCallResult", call, 9)
    outcomes = bench.outcomes()
    assert [outcomes[handle]["callResult"] for handle in FIRST_CHAIN] == [None, 9]


def test_each_record_keeps_its_own_call_result() -> None:
    bench = OutboundBench()
    first = bench.talking(bench.pull())
    second = bench.talking(bench.pull())
    bench.call("outbound.setCallResult", first, 6)
    bench.call("outbound.setCallResult", second, 7)
    assert (bench.call("outbound.getCallResult", first), bench.call("outbound.getCallResult", second)) == (6, 7)


def test_the_chain_shows_the_lists_last_result_not_the_agents() -> None:
    # GSW_CALL_RESULT is what the list handed out (UNKNOWN 28 in the reference's sample).
    bench = OutboundBench()
    call = bench.talking(bench.pull())
    bench.call("outbound.setCallResult", call, 33)
    records = bench.call("outbound.getChainedRecords", call)[0]["records"]
    assert [record["GSW_CALL_RESULT"] for record in records] == [28, 28]


# -- what a record's work amounts to once marked done ---------------------------------------------


def test_records_wait_in_the_list_then_are_with_the_agent() -> None:
    bench = OutboundBench()
    assert {outcome["status"] for outcome in bench.outcomes().values()} == {"ready"}
    bench.pull()
    outcomes = bench.outcomes()
    assert [outcomes[handle]["status"] for handle in (257, 258, 259)] == ["with agent", "with agent", "ready"]


def test_a_call_marked_done_sends_its_call_result() -> None:
    bench = OutboundBench()
    call = bench.released(bench.pull())
    bench.call("outbound.setCallResult", call, 33)
    assert bench.outcomes()[257]["status"] == "with agent"
    bench.call("interaction.markdone", call)
    assert bench.outcomes()[257] == {
        "recordHandle": 257,
        "status": "done",
        "callResult": 33,
        "doNotCall": False,
        "reschedule": None,
    }
    assert bench.outcomes()[258]["status"] == "done"


def test_a_record_rescheduled_is_marked_done_as_rescheduled() -> None:
    bench = OutboundBench()
    call = bench.released(bench.pull())
    bench.call("outbound.setCallResult", call, 7)
    bench.call("outbound.rescheduleRecord", call, 257, "11/25/2026 10:00", "PERSONAL")
    bench.call("interaction.markdone", call)
    assert bench.outcomes()[257] == {
        "recordHandle": 257,
        "status": "rescheduled",
        "callResult": 7,
        "doNotCall": False,
        "reschedule": {"date": "11/25/2026 10:00", "callbackType": "PERSONAL"},
    }


def test_a_cancelled_reschedule_is_marked_done_plainly() -> None:
    bench = OutboundBench()
    call = bench.released(bench.pull())
    bench.call("outbound.rescheduleRecord", call, 257, "11/25/2026 10:00", "CAMPAIGN")
    bench.call("outbound.cancelReschedule", call)
    bench.call("interaction.markdone", call)
    assert (bench.outcomes()[257]["status"], bench.outcomes()[257]["reschedule"]) == ("done", None)


def test_a_record_set_to_do_not_call_is_marked_done_as_such() -> None:
    bench = OutboundBench()
    call = bench.released(bench.pull())
    bench.call("outbound.setDoNotCall", call)
    bench.call("interaction.markdone", call)
    assert (bench.outcomes()[257]["status"], bench.outcomes()[257]["doNotCall"]) == ("do not call", True)


def test_do_not_call_removed_again_is_marked_done_plainly() -> None:
    bench = OutboundBench()
    call = bench.released(bench.pull())
    bench.call("outbound.setDoNotCall", call)
    bench.call("outbound.removeDoNotCall", call)
    bench.call("interaction.markdone", call)
    assert (bench.outcomes()[257]["status"], bench.outcomes()[257]["doNotCall"]) == ("done", False)


@pytest.mark.parametrize("name, status", [("outbound.rejectPreviewRecord", "rejected"), ("outbound.cancelPreviewRecord", "canceled")])
def test_a_rejected_or_cancelled_record_is_marked_done_as_such(name: str, status: str) -> None:
    bench = OutboundBench()
    preview = bench.pull()
    bench.call(name, preview)
    assert bench.outcomes()[257]["status"] == "with agent"
    bench.call("interaction.markdone", preview)
    outcomes = bench.outcomes()
    assert [outcomes[handle]["status"] for handle in FIRST_CHAIN] == [status, status]
    assert outcomes[257]["callResult"] is None


def test_a_pushed_record_rejected_goes_back_at_once() -> None:
    bench = OutboundBench()
    bench.call("interaction.reject", bench.push())
    assert bench.outcomes(PUSH)[401]["status"] == "rejected"
    assert bench.outcomes(PUSH)[402]["status"] == "ready"


def test_a_pushed_record_called_and_marked_done_sends_its_call_result() -> None:
    bench = OutboundBench()
    call = bench.released(bench.accepted())
    bench.call("outbound.setCallResult", call, 40)
    bench.call("interaction.markdone", call)
    assert (bench.outcomes(PUSH)[401]["status"], bench.outcomes(PUSH)[401]["callResult"]) == ("done", 40)


def test_the_outcomes_of_other_campaigns_are_untouched() -> None:
    bench = OutboundBench()
    bench.call("interaction.markdone", bench.released(bench.pull()))
    assert {outcome["status"] for outcome in bench.outcomes(PUSH).values()} == {"ready"}
    assert bench.outcomes(PULL)[257]["status"] == "done"
