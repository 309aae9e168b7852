"""The release screen: what changed since the last release, what blocks the next, and the
export-and-tag action (`curator.release.build_release`)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from curator.app.messages import WorkRefused
from curator.app.screens.base import CuratorScreen
from curator.app.screens.dialogs import ChoiceDialog, TextDialog
from curator.bank import Bank
from curator.errors import CuratorError
from curator.release import Release, ReleaseRefused, build_release, next_version
from curator.release.plan import ReleasePlan, plan_release


class PlanLoaded(Message):
    def __init__(self, plan: ReleasePlan) -> None:
        self.plan = plan
        super().__init__()


class Released(Message):
    def __init__(self, release: Release) -> None:
        self.release = release
        super().__init__()


def plan_text(plan: ReleasePlan) -> Text:
    text = Text()
    text.append(f"last release: {plan.previous or 'none'}\n", style="bold")
    text.append(f"accepted tasks in the work tree: {plan.accepted}\n\n")
    changes = plan.changes
    text.append("changes since the last release\n", style="bold underline")
    if changes.added:
        text.append(f"  added ({len(changes.added)}): {', '.join(changes.added)}\n", style="green")
    if changes.removed:
        removed = ", ".join(changes.removed)
        text.append(f"  removed ({len(changes.removed)}): {removed}\n", style="red")
    for task_id, kinds in changes.changed.items():
        text.append(f"  changed {task_id}: {', '.join(kinds)}\n", style="yellow")
    if not (changes.added or changes.removed or changes.changed):
        text.append("  none\n", style="dim")
    text.append(f"  unchanged: {changes.unchanged}\n\n")
    text.append("blockers\n", style="bold underline")
    if plan.ready and plan.repeats_previous:
        # It offered a release of the same tasks as plainly as any other (the CLI notes it).
        text.append(
            f"  none, but nothing changed since {plan.previous}: a release now would hold the "
            "same tasks (press e to release anyway)\n",
            style="yellow",
        )
    elif plan.ready:
        text.append("  none: ready to release (press e)\n", style="green")
    elif not plan.blockers:  # the screen offered a release that `e` then refused
        text.append(f"  {plan.refusal}\n", style="yellow")
    for where, reasons in plan.blockers.items():
        text.append(f"  {where}: {'; '.join(reasons)}\n", style="red")
    return text


RELEASE_CHOICES = [("release", "Release and tag", "r"), ("cancel", "Cancel", "escape")]


def release_question(version: str, plan: ReleasePlan) -> str:
    changes = plan.changes
    since = f" since {plan.previous}" if plan.previous else ""
    return (
        f"Release {version}: tag release/{version} on the last commit, with {plan.accepted} "
        f"accepted task(s) ({len(changes.added)} added, {len(changes.changed)} changed, "
        f"{len(changes.removed)} removed{since}). The tag stays: curator removes none "
        f"(`git tag -d release/{version}` does, before a sync)."
    )


class ReleaseScreen(CuratorScreen):
    COMMAND_CATEGORY = "release"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "release", "Export and tag", id="release.build", tooltip="Build a release"),
        Binding("ctrl+r", "reload", "Reload", id="release.reload", tooltip="Check again"),
        Binding("escape", "back", "Back", id="release.back", tooltip="To the bank"),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__(id="release-screen")
        self.bank = bank
        self.plan: ReleasePlan | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="release-body"):
            yield Static("checking the bank…", id="release-plan")
            yield Static("", id="release-result")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "release"
        self.load_plan()

    @work(thread=True, exclusive=True, exit_on_error=False, group="release", name="release check")
    def load_plan(self) -> None:
        self.post_message(PlanLoaded(plan_release(self.bank)))

    @on(PlanLoaded)
    def show_plan(self, event: PlanLoaded) -> None:
        self.plan = event.plan
        self.query_one("#release-plan", Static).update(plan_text(event.plan))

    def worker_failed(self, name: str, message: str) -> None:
        """The check's failure stays on the screen: it read "checking the bank…" for good once
        the toast that said why (a bad setting in bank.json) had gone."""
        if name == "release check":
            self.query_one("#release-plan", Static).update(
                Text(f"the bank could not be checked: {message}\n(fix it, then Ctrl+R)", "red")
            )

    def action_reload(self) -> None:
        """Check again; what the last build said no longer stands beside the new check."""
        self.query_one("#release-result", Static).update("")
        self.load_plan()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_release(self) -> None:
        """Ask for a version only when the check found nothing that would refuse it."""
        if self.plan is None:
            self.notify("still checking the bank", severity="warning", timeout=3)
            return
        if self.plan.refusal is not None:
            self.show_refusal(f"release refused: {self.plan.refusal}, then Ctrl+R checks again")
            return

        plan = self.plan

        def answered(typed: str | None) -> None:
            version = (typed or "").strip()
            if not version:
                return

            def confirmed(choice: str | None) -> None:
                if choice == "release":
                    self.query_one("#release-result", Static).update(f"building {version}…")
                    self.build(version)

            # A tag stays (none is removed here): a typo in the version became one (walk 47),
            # Enter releasing at once.
            question = release_question(version, plan)
            self.app.push_screen(ChoiceDialog(question, RELEASE_CHOICES, "cancel"), confirmed)

        # A suggestion to accept or type over, from the last release's version.
        suggested = next_version(self.plan.previous)
        question = "Release version (tagged release/VERSION):"
        self.app.push_screen(TextDialog(question, suggested), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="release", name="release")
    def build(self, version: str) -> None:
        try:
            release = build_release(self.bank, version)
        except ReleaseRefused as refused:
            problems = "; ".join(f"{key}: {', '.join(v)}" for key, v in refused.problems.items())
            self.post_message(WorkRefused("release", problems))
            return
        except CuratorError as error:
            self.post_message(WorkRefused("release", str(error)))
            return
        self.post_message(Released(release))

    @on(Released)
    def released(self, event: Released) -> None:
        release = event.release
        text = Text(f"released {release.version}: tag {release.tag}\n", style="bold green")
        for path in release.files:
            text.append(f"  {path}\n")
        self.query_one("#release-result", Static).update(text)
        self.notify(f"tagged {release.tag}", title="release")
        self.load_plan()

    @on(WorkRefused)
    def refused(self, event: WorkRefused) -> None:
        self.show_refusal(f"{event.action} refused: {event.reason}")

    def show_refusal(self, text: str) -> None:
        """On the screen in full; the notification only points there."""
        self.query_one("#release-result", Static).update(Text(text, style="red"))
        self.notify(
            "the reason is on the release screen", title="release refused", severity="warning"
        )
