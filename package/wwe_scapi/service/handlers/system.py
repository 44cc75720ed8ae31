"""The `system` namespace. The tab-election calls answer for the tab the calling frame is
in (wwe_scapi.tabs); a desktop in one tab leads, and is the last active tab."""

from __future__ import annotations

from typing import Any

from wwe_scapi.service.context import Handler, RequestContext
from wwe_scapi.service.errors import RequestError
from wwe_scapi.workspace.params import resolve_url


def get_allowed_services(ctx: RequestContext) -> list[str]:
    return ctx.allowed_requests()


def am_i_visible(ctx: RequestContext) -> bool:
    return ctx.is_visible()


def is_frame_leading(ctx: RequestContext) -> bool:
    return ctx.frame_state() == "LEADING"


def is_frame_following(ctx: RequestContext) -> bool:
    return ctx.frame_state() == "FOLLOWING"


def is_frame_negotiating(ctx: RequestContext) -> bool:
    return ctx.frame_state() == "NEGOTIATING"


def is_frame_leading_or_negotiating(ctx: RequestContext) -> bool:
    return ctx.frame_state() in ("LEADING", "NEGOTIATING")


def is_last_active_frame(ctx: RequestContext) -> bool:
    return ctx.is_last_active()


def trigger_activity(ctx: RequestContext) -> None:
    ctx.workspace.system.trigger_activity()


def popup_toast(ctx: RequestContext, parameters: dict[str, Any]) -> str:
    return ctx.workspace.system.popup_toast(ctx.frame_id, parameters, ctx.warn)


def update_toast(ctx: RequestContext, toast_id: str, parameters: dict[str, Any]) -> bool:
    return ctx.workspace.system.update_toast(toast_id, parameters, ctx.warn)


def close_toast(ctx: RequestContext, toast_id: str) -> bool:
    return ctx.workspace.system.close_toast(toast_id)


def open_dialog(ctx: RequestContext, url: str | None, options: Any) -> str | None:
    """A relative url (the reference's sample gives "") is resolved against the calling
    frame's page, as the browser would."""
    if url is not None:
        resolved = resolve_url(url, ctx.page_url())
        if resolved is None:
            raise RequestError(
                f"system.openDialog: the url {url!r} is relative and the address of the calling "
                "frame's page is not known to the desktop; give an absolute http(s) URL."
            )
        url = resolved
    return ctx.workspace.system.open_dialog(ctx.frame_id, url, options, ctx.warn)


def close_dialog(ctx: RequestContext, dialog_id: str) -> bool:
    return ctx.workspace.system.close_dialog(dialog_id)


def update_view_in_application_menu_bar(ctx: RequestContext, parameters: dict[str, Any]) -> str:
    return ctx.workspace.system.update_view(ctx.frame_id, parameters, ctx.warn)


def close_view_in_application_menu_bar(ctx: RequestContext, name: str) -> bool:
    return ctx.workspace.system.close_view(name)


HANDLERS: dict[str, Handler] = {
    "system.getAllowedServices": get_allowed_services,
    "system.amIVisible": am_i_visible,
    "system.isFrameLeading": is_frame_leading,
    "system.isFrameFollowing": is_frame_following,
    "system.isFrameNegotiating": is_frame_negotiating,
    "system.isFrameLeadingOrNegotiating": is_frame_leading_or_negotiating,
    "system.isLastActiveFrame": is_last_active_frame,
    "system.triggerActivity": trigger_activity,
    "system.popupToast": popup_toast,
    "system.updateToast": update_toast,
    "system.closeToast": close_toast,
    "system.openDialog": open_dialog,
    "system.closeDialog": close_dialog,
    "system.updateViewInApplicationMenuBar": update_view_in_application_menu_bar,
    "system.closeViewInApplicationMenuBar": close_view_in_application_menu_bar,
}
