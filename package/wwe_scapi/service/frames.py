"""The frames (iframes, popups) that talk to the service, and what each has subscribed to."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Frame:
    """One client window. `id` is the frame id announced to it."""

    id: int
    origin: str
    subscriptions: dict[str, frozenset[str]] = field(default_factory=dict)
    announced: bool = False

    def is_subscribed(self, topic: str) -> bool:
        return any(topic in names for names in self.subscriptions.values())

    @property
    def topics(self) -> set[str]:
        return {name for names in self.subscriptions.values() for name in names}


class FrameRegistry:
    """Frames by the transport's key for their window; subscription ids unique per service."""

    def __init__(self) -> None:
        self._frames: dict[int, Frame] = {}
        self._next_subscription = 0

    def get_or_add(self, key: int, origin: str) -> Frame:
        frame = self._frames.get(key)
        if frame is None or frame.origin != origin:
            # A window that navigated to another origin is another client.
            frame = Frame(key, origin)
            self._frames[key] = frame
        return frame

    def get(self, key: int) -> Frame | None:
        return self._frames.get(key)

    def remove(self, key: int) -> None:
        self._frames.pop(key, None)

    def subscribe(self, frame: Frame, names: frozenset[str]) -> str:
        self._next_subscription += 1
        subscription_id = f"subscription-{self._next_subscription}"
        frame.subscriptions[subscription_id] = names
        return subscription_id

    def subscribed_to(self, topic: str) -> list[Frame]:
        return [frame for frame in self._frames.values() if frame.is_subscribed(topic)]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(list(self._frames.values()))

    def __len__(self) -> int:
        return len(self._frames)
