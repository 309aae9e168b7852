"""The proposal pane: an LLM request as it streams, the proposal, or why there is none."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from curator.app.views import proposal_text
from curator.llm.proposals import ProposedChange

IDLE = "no proposal (Ctrl+L asks the LLM, if one is configured)"
STREAM_TAIL = 4000
"""The streamed answer's last characters shown while it comes (the whole of it is in the
proposal that follows): each piece redrew the whole answer, and 0.94 MB of it froze the app."""


class ProposalPane(VerticalScroll):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.streamed = ""
        self.plan = ""
        self.retry = ""
        self.asked_at = 0.0
        self.clock: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(IDLE, id="proposal-view")

    def _show(self, content: str | Text) -> None:
        if self.clock is not None:
            self.clock.stop()
            self.clock = None
        self.query_one("#proposal-view", Static).update(content)

    def waiting(self, plan: str) -> None:
        """A request sent: `plan` says where and how long each try may wait; the time gone
        counts up (a server that never answered showed "waiting for the model…" alone for
        eight minutes)."""
        self._show("")
        self.streamed, self.plan, self.retry = "", plan, ""
        self.asked_at = time.monotonic()
        self._tick()
        self.clock = self.set_interval(1, self._tick)

    def retrying(self, notice: str) -> None:
        """The last retry's reason (a refused connection took seconds of retries unsaid)."""
        self.retry = notice
        self._tick()

    def _tick(self) -> None:
        minutes, seconds = divmod(int(time.monotonic() - self.asked_at), 60)
        text = Text(f"waiting for the model… {minutes}:{seconds:02d}\n")
        text.append(self.plan, style="dim")
        if self.retry:
            text.append(f"\n{self.retry}", style="yellow")
        self.query_one("#proposal-view", Static).update(text)

    def add_chunk(self, chunk: str) -> None:
        self.streamed += chunk
        text = Text(style="dim")
        if len(self.streamed) > STREAM_TAIL:
            text.append(f"… {len(self.streamed):,} characters so far, the last:\n", style="italic")
        text.append(self.streamed[-STREAM_TAIL:])
        self._show(text)

    def proposal(self, change: ProposedChange) -> None:
        self._show(proposal_text(change))

    def failed(self, reason: str) -> None:
        text = Text("no proposal: ", style="bold red")
        text.append(reason)
        text.append("\n\nCtrl+L asks again", style="dim")
        self._show(text)

    def note(self, message: str) -> None:
        self._show(message)
