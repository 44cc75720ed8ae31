"""The `outbound` namespace: campaigns and preview records (workspace/outbound/)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wwe_scapi.service.context import Handler, RequestContext
from wwe_scapi.workspace.outbound.callresults import CALL_RESULTS

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire


def get_campaigns(ctx: RequestContext) -> list[wire.Campaign]:
    return [campaign.to_wire() for campaign in ctx.workspace.campaigns]  # type: ignore[misc]


def get_preview_record(ctx: RequestContext, campaign_name: str) -> wire.Interaction:
    """Answers the preview interaction (the reference returns nothing; apps may ignore it)."""
    return ctx.workspace.outbound.get_preview_record(campaign_name).to_wire()


def call_preview_record(ctx: RequestContext, interaction_id: str, record_handle: Any) -> wire.Interaction:
    """Answers the call interaction: its id is the record's from now on."""
    return ctx.workspace.outbound.call(interaction_id, record_handle, ctx.warn).to_wire()


def reject_preview_record(ctx: RequestContext, interaction_id: str | None) -> None:
    ctx.workspace.outbound.reject_record(interaction_id, ctx.warn)


def cancel_preview_record(ctx: RequestContext, interaction_id: str | None) -> None:
    ctx.workspace.outbound.cancel_record(interaction_id, ctx.warn)


def start_direct_push_preview(ctx: RequestContext) -> None:
    ctx.workspace.outbound.start_direct_push(ctx.warn)


def stop_direct_push_preview(ctx: RequestContext) -> None:
    ctx.workspace.outbound.stop_direct_push()


def get_list_of_call_results(ctx: RequestContext) -> dict[str, int]:
    return dict(CALL_RESULTS)


def set_call_result(ctx: RequestContext, interaction_id: str, call_result: Any) -> None:
    ctx.workspace.outbound.set_call_result(interaction_id, call_result, ctx.warn)


def get_call_result(ctx: RequestContext, interaction_id: str) -> int | None:
    return ctx.workspace.outbound.get_call_result(interaction_id, ctx.warn)


def set_do_not_call(ctx: RequestContext, interaction_id: str) -> None:
    ctx.workspace.outbound.set_do_not_call(interaction_id, ctx.warn, True)


def remove_do_not_call(ctx: RequestContext, interaction_id: str) -> None:
    ctx.workspace.outbound.set_do_not_call(interaction_id, ctx.warn, False)


def reschedule_record(
    ctx: RequestContext, interaction_id: str, record_handle: Any, reschedule_date: Any, callback_type: Any
) -> None:
    ctx.workspace.outbound.reschedule(interaction_id, record_handle, reschedule_date, callback_type, ctx.warn)


def cancel_reschedule(ctx: RequestContext, interaction_id: str) -> None:
    ctx.workspace.outbound.cancel_reschedule(interaction_id, ctx.warn)


def get_chained_records(ctx: RequestContext, interaction_id: str) -> list[wire.ChainedRecords]:
    return ctx.workspace.outbound.chained_records(interaction_id, ctx.warn)  # type: ignore[return-value]


def get_record_fields(ctx: RequestContext, interaction_id: str) -> list[wire.RecordField]:
    return ctx.workspace.outbound.record_fields(interaction_id, ctx.warn)  # type: ignore[return-value]


def update_record_fields(ctx: RequestContext, interaction_id: str, record_data: dict[str, Any]) -> None:
    ctx.workspace.outbound.update_record_fields(interaction_id, record_data, ctx.warn)


HANDLERS: dict[str, Handler] = {
    "outbound.getCampaigns": get_campaigns,
    "outbound.getPreviewRecord": get_preview_record,
    "outbound.callPreviewRecord": call_preview_record,
    "outbound.rejectPreviewRecord": reject_preview_record,
    "outbound.cancelPreviewRecord": cancel_preview_record,
    "outbound.startDirectPushPreview": start_direct_push_preview,
    "outbound.stopDirectPushPreview": stop_direct_push_preview,
    "outbound.getListOfCallResults": get_list_of_call_results,
    "outbound.setCallResult": set_call_result,
    "outbound.getCallResult": get_call_result,
    "outbound.setDoNotCall": set_do_not_call,
    "outbound.removeDoNotCall": remove_do_not_call,
    "outbound.rescheduleRecord": reschedule_record,
    "outbound.cancelReschedule": cancel_reschedule,
    "outbound.getChainedRecords": get_chained_records,
    "outbound.getRecordFields": get_record_fields,
    "outbound.updateRecordFields": update_record_fields,
}
