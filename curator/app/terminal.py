"""What the app writes to the terminal: its own control sequences, never those of the text it
shows.

Much of that text is strangers': task code and tests from a JSONL or an LLM, what the tests
printed, an LLM's answer. Textual writes a widget's text to the terminal as it is, so an escape
sequence in a task's program (a comment will do) set the terminal's title, cleared the screen
or could move the cursor and draw over the app's own verdicts. Every widget's line reaches the
terminal through `Strip.render`, which turns a line's text and styles into what is written: the
one place to drop the control characters of the text, whichever widget shows it. Rich measures
control characters as zero cells wide, so dropping them leaves every line its layout; the
static checks name each one in a task's files (`control_character_problems`), where the
annotator can see it.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.segment import Segment
from textual.strip import Strip

from curator.program import control_characters

CONTROL_CHARACTERS = control_characters()

_render: Callable[[Strip, Console], str] = Strip.render


def render_without_controls(strip: Strip, console: Console) -> str:
    """`Strip.render`, the control characters of the strip's text dropped."""
    if CONTROL_CHARACTERS.search(strip.text) is None:
        return _render(strip, console)
    cleaned = Strip(
        [
            Segment(CONTROL_CHARACTERS.sub("", text), style, control)
            for text, style, control in strip
        ],
        strip.cell_length,
    )
    return _render(cleaned, console)


def guard_the_terminal() -> None:
    """Make every strip the app renders drop its text's control characters (idempotent)."""
    Strip.render = render_without_controls  # type: ignore[method-assign,assignment]
