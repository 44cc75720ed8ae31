"""The `interaction` namespace."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wwe_scapi.service.context import Handler, RequestContext

if TYPE_CHECKING:
    from wwe_scapi.protocol import wire

Wire = dict[str, Any]


def get_interactions(ctx: RequestContext) -> list[wire.Interaction]:
    return ctx.workspace.interaction_list()


def get_by_interaction_id(ctx: RequestContext, interaction_id: str) -> wire.Interaction | None:
    """The interaction, or null (a success, as the reference says) when there is none."""
    interaction = ctx.workspace.interactions.find(interaction_id)
    return None if interaction is None else interaction.to_wire()


# The write allow-list is applied before any handler runs (service/admission.py), to every
# parameter the catalogue marks as carrying user data: one forbidden key, nothing written.


def set_user_data(ctx: RequestContext, interaction_id: str, key_values: Wire) -> None:
    ctx.workspace.desk.set_user_data(interaction_id, key_values)


def delete_user_data(ctx: RequestContext, interaction_id: str, key: str) -> None:
    ctx.workspace.desk.delete_user_data(interaction_id, key)


def accept(ctx: RequestContext, interaction_id: str) -> None:
    ctx.workspace.open_media.accept(interaction_id)


def reject(ctx: RequestContext, interaction_id: str) -> None:
    ctx.workspace.open_media.reject(interaction_id)


def select_case_by_case_id(ctx: RequestContext, case_id: str) -> None:
    ctx.workspace.desk.cases.select(case_id)


def markdone(ctx: RequestContext, interaction_id: str) -> None:
    # A called outbound record's preview id marks its call done (with a warning).
    ctx.workspace.markdone.mark_done(ctx.workspace.outbound.markdone_target(interaction_id, ctx.warn))


def block_markdone(ctx: RequestContext, interaction_id: str, warning_message: str | None) -> None:
    # Blocks belong to the app's origin: another app cannot lift them.
    ctx.workspace.markdone.block(interaction_id, ctx.origin, warning_message)


def unblock_markdone(ctx: RequestContext, interaction_id: str) -> None:
    ctx.workspace.markdone.unblock(interaction_id, ctx.origin)


def consult(
    ctx: RequestContext, interaction_id: str, target: Any, user_data: Wire | None, extensions: Wire | None
) -> wire.Interaction:
    """Answers the consultation interaction (the reference returns nothing; apps may ignore it)."""
    consultation = ctx.workspace.transfers.consult(interaction_id, target, user_data, extensions, ctx.warn)
    return consultation.to_wire()


def complete_transfer(ctx: RequestContext, consult_interaction_id: str) -> None:
    ctx.workspace.transfers.complete_transfer(consult_interaction_id)


def complete_conference(ctx: RequestContext, consult_interaction_id: str) -> None:
    ctx.workspace.transfers.complete_conference(consult_interaction_id)


def _single_step(operation: str) -> Handler:
    def handler(
        ctx: RequestContext, interaction_id: str, target: Any, user_data: Wire | None, extensions: Wire | None
    ) -> None:
        ctx.workspace.transfers.single_step(operation, interaction_id, target, user_data, extensions, ctx.warn)

    return handler


HANDLERS: dict[str, Handler] = {
    "interaction.getInteractions": get_interactions,
    "interaction.getByInteractionId": get_by_interaction_id,
    "interaction.setUserData": set_user_data,
    "interaction.deleteUserData": delete_user_data,
    "interaction.accept": accept,
    "interaction.reject": reject,
    "interaction.selectCaseByCaseId": select_case_by_case_id,
    "interaction.markdone": markdone,
    "interaction.blockMarkdone": block_markdone,
    "interaction.unblockMarkdone": unblock_markdone,
    "interaction.consult": consult,
    "interaction.completeTransfer": complete_transfer,
    "interaction.completeConference": complete_conference,
    "interaction.singleStepTransfer": _single_step("single-step transfer"),
    "interaction.singleStepConference": _single_step("single-step conference"),
}
