"""The proposal pane: an LLM request as it streams, the proposal, or why there is none."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
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

    def compose(self) -> ComposeResult:
        yield Static(IDLE, id="proposal-view")

    def _show(self, content: str | Text) -> None:
        self.query_one("#proposal-view", Static).update(content)

    def waiting(self, why: str = "") -> None:
        """`why`: the last retry's reason (a connection refused took seconds of retries with
        nothing said)."""
        self.streamed = ""
        self._show(f"waiting for the model… {why}".rstrip())

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
