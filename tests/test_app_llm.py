"""LLM proposals in the workspace, against a real scripted chat-completions server on
127.0.0.1: streamed live, shown as a diff with its validation, accepted or rejected."""

from __future__ import annotations

import re

from app_support import SIZE, UNCOVERED_TESTS, app_on, demo_tasks, git_bank, run_async, settle
from textual.widgets import Static, TextArea

from curator.app.main import make_app
from curator.app.messages import LLMChunk, ProposalReady, WorkRefused
from curator.app.screens.dialogs import ChoiceDialog
from curator.app.screens.workspace import TaskWorkspace
from curator.app.settings import AppSettings
from curator.app.widgets.proposal import STREAM_TAIL, ProposalPane
from curator.config import LLMSettings
from curator.llm.scripted_server import STREAM_PIECE_CHARS, ScriptedLLMServer
from curator.validation import validate_tasks

COVERING_TESTS = (
    UNCOVERED_TESTS
    + """
    def test_bad_top(self):
        with self.assertRaises(ValueError):
            task_func("a", top=0)
"""
)

ANSWER = f"Here is a test for the branch that raises.\n\n```python\n{COVERING_TESTS}```\n"


async def open_workspace(pilot, task_id):
    await settle(pilot)
    pilot.app.screen.open_task(task_id)
    await pilot.pause()
    assert isinstance(pilot.app.screen, TaskWorkspace)
    return pilot.app.screen


@run_async
async def test_at_80_columns_the_footer_shows_the_proposal_s_keys(tmp_path, monkeypatch):
    """The footer cut Ctrl+T and Ctrl+R after F9: a proposal's keys come first while it is
    open (and are not there otherwise)."""
    from textual.widgets._footer import FooterKey

    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    with ScriptedLLMServer([{"answer": ANSWER}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=(80, 24)) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")

            def shown() -> list[str]:
                return [
                    key.description
                    for key in workspace.query(FooterKey)
                    if key.region.width and key.region.right <= 80
                ]

            assert "Accept" not in shown() and "Validate" in shown()
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            assert workspace.proposal is not None
            assert {"Accept", "Edit it", "Reject"} <= set(shown())
            status = str(workspace.query_one("#status", Static).render())
            assert "Ctrl+T edits it first" in status


@run_async
async def test_a_streamed_proposal_is_shown_checked_and_accepted(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    messages = []
    with ScriptedLLMServer([{"answer": ANSWER, "chunk_delay_s": 0.01}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l")
            assert isinstance(app.screen, ChoiceDialog)
            await pilot.press("t")
            await settle(pilot)
            chunks = [m.text for m in messages if isinstance(m, LLMChunk)]
            assert len(chunks) > 1 and "".join(chunks) == ANSWER
            change = next(m for m in messages if isinstance(m, ProposalReady)).change
            assert change.baseline.branch_coverage < 100
            assert change.check.branch_coverage == 100
            shown = str(workspace.query_one("#proposal-view", Static).render())
            assert "proposed version: pass, 2/2 tests passed, branch coverage 100%" in shown
            assert "+    def test_bad_top(self):" in shown
            assert bank.load("Demo/2").test == UNCOVERED_TESTS  # nothing written yet
            await pilot.press("ctrl+o")
            assert workspace.query_one("#tests-editor", TextArea).text == COVERING_TESTS
        assert server.requests[0]["stream"] is True
    task = bank.load("Demo/2")
    assert task.test == COVERING_TESTS
    event = task.provenance.events[-1]
    assert (event.operation, event.model, event.annotator) == (
        "tests",
        "scripted-model",
        "Ada Annotator",
    )


@run_async
async def test_a_large_streamed_answer_is_shown_a_few_times_a_second_by_its_end(
    tmp_path, monkeypatch
):
    """One message per streamed piece (16 characters), each redrawing the whole answer: an
    answer of 0.94 MB froze the app for minutes, Ctrl+R too. The pieces now come together a
    few times a second, and the pane shows the answer's end while it streams."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    prose = "".join(f"Line {number} of a long preamble.\n" for number in range(4000))
    answer = prose + ANSWER
    messages = []
    with ScriptedLLMServer([{"answer": answer}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            pane = workspace.query_one(ProposalPane)
            shown_while_streaming = []
            original = pane.add_chunk

            def add_chunk(chunk: str) -> None:
                original(chunk)
                shown_while_streaming.append(str(pane.query_one(Static).render()))

            pane.add_chunk = add_chunk  # type: ignore[method-assign]
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            chunks = [m.text for m in messages if isinstance(m, LLMChunk)]
            assert "".join(chunks) == answer
            pieces = -(-len(answer) // STREAM_PIECE_CHARS)
            assert len(chunks) < pieces / 20, (len(chunks), pieces)
            assert all(len(shown) < STREAM_TAIL + 200 for shown in shown_while_streaming)
            assert "characters so far, the last:" in shown_while_streaming[-1]
            assert isinstance(
                next(m for m in messages if isinstance(m, ProposalReady)), ProposalReady
            )


@run_async
async def test_a_rejected_proposal_changes_nothing(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    with ScriptedLLMServer([{"answer": ANSWER}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(llm=llm))
        async with app.run_test(size=SIZE) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            assert workspace.proposal is not None
            await pilot.press("ctrl+r")
            assert workspace.proposal is None
            await pilot.press("ctrl+o")
    assert bank.load("Demo/2").test == UNCOVERED_TESTS


@run_async
async def test_a_proposal_worse_than_the_task_is_accepted_only_when_confirmed(
    tmp_path, monkeypatch
):
    """Ctrl+O wrote a proposal that drops the task's tests as readily as a good one."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    renamed = UNCOVERED_TESTS.replace("def test_counts", "def test_other")
    answer = f"Better tests.\n\n```python\n{renamed}```\n"
    with ScriptedLLMServer([{"answer": answer}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            # Said in the pane before Ctrl+O asks.
            shown = str(workspace.query_one("#proposal-view", Static).render())
            assert "✗ it removes test(s) test_counts" in shown

            async def asked_and_kept(key: str) -> None:
                """`key` asks whether to accept a proposal worse than the task; Enter keeps."""
                await pilot.press(key)
                dialog = app.screen
                assert isinstance(dialog, ChoiceDialog)
                assert "✗ it removes test(s) test_counts" in dialog.question
                await pilot.press("enter")  # the default keeps the task
                assert bank.load("Demo/2").test == UNCOVERED_TESTS

            await asked_and_kept("ctrl+o")
            # Edited first (a comment added), it is judged all the same: any edit let it in.
            await pilot.press("ctrl+t")
            workspace = app.screen
            workspace.query_one("#tests-editor", TextArea).insert("# reviewed\n", (0, 0))
            await asked_and_kept("ctrl+o")
            # Ctrl+S, the save key, wrote it unchecked, as a hand edit: it is Ctrl+O's check.
            await asked_and_kept("ctrl+s")
            # Nor does any step that saves first (F5) take it in.
            await pilot.press("f5")
            await settle(pilot)
            assert bank.load("Demo/2").test == UNCOVERED_TESTS
            status = str(workspace.query_one("#status", Static).render())
            assert "the editors hold the LLM's proposal: Ctrl+O accepts your version" in status
            await pilot.press("ctrl+o", "a")
            await settle(pilot)
    assert bank.load("Demo/2").test == "# reviewed\n" + renamed
    assert bank.load("Demo/2").provenance.events[-1].model == "scripted-model"


@run_async
async def test_without_an_llm_the_app_says_how_to_configure_one(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    messages = []
    app = app_on(bank)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await open_workspace(pilot, "Demo/2")
        await pilot.press("ctrl+l")
        refused = [m for m in messages if isinstance(m, WorkRefused)]
        assert "no LLM is configured" in refused[-1].reason
        assert "CURATOR_LLM_BASE_URL" in refused[-1].reason
        assert isinstance(app.screen, TaskWorkspace)
        # Shown as written: Rich's markup took `[llm]` for a tag and dropped it.
        shown = [n for n in app._notifications if "no LLM is configured" in n.message]
        assert shown and not shown[-1].markup and "[llm] in the config" in shown[-1].message
        status = str(app.screen.query_one("#status", Static).render())
        assert "[llm] in the config" in status


@run_async
async def test_a_proposal_can_be_edited_before_it_is_accepted(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    with ScriptedLLMServer([{"answer": ANSWER}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            await pilot.press("ctrl+t")
            editor = workspace.query_one("#tests-editor", TextArea)
            assert editor.text == COVERING_TESTS
            assert workspace.query_one("#views").active == "tests"
            editor.insert("# reviewed\n", (0, 0))
            await pilot.press("ctrl+o")
    task = bank.load("Demo/2")
    assert task.test == "# reviewed\n" + COVERING_TESTS
    event = task.provenance.events[-1]
    assert event.operation == "tests" and event.detail == "edited before accepting: tests.py"


@run_async
async def test_condense_is_refused_before_asking_as_f7_refuses_it(tmp_path, monkeypatch):
    """The condense step needs a current, passing validation: F7 refused, Ctrl+L's Condense
    asked the LLM anyway (and `suggest --op condense` too)."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())  # Demo/2: never validated
    messages = []
    with ScriptedLLMServer([{"answer": "Return the most common words."}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l", "c")
            await settle(pilot)
            assert workspace.proposal is None
        assert server.requests == []
    refused = [m for m in messages if isinstance(m, WorkRefused)]
    assert [(m.action, m.reason) for m in refused] == [
        ("condense", "needs a current, passing validation")
    ]


@run_async
async def test_an_instruction_that_loses_what_the_docstring_says_is_asked_about(
    tmp_path, monkeypatch
):
    """A model's instruction that drops what the rules' instruction says (the exception its
    tests assert, the return type) was accepted unasked; once accepted anyway, the status
    does not send the annotator to validate again: the instruction changes no tested code."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    validate_tasks(bank, ["Demo/2"])
    answer = "Here is the instruction:\nCount the words of a text."
    with ScriptedLLMServer([{"answer": answer}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE) as pilot:
            await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l", "c")
            await settle(pilot)
            await pilot.press("ctrl+o")
            dialog = app.screen
            assert isinstance(dialog, ChoiceDialog)
            assert "✗ its instruction leaves out what the docstring says:" in dialog.question
            await pilot.press("enter")  # the default keeps the task's instruction
            assert bank.load("Demo/2").instruct_prompt == ""
            # Edited, it shows where it is: Ctrl+T showed task.py, two tabs away.
            await pilot.press("ctrl+t")
            assert app.screen.query_one("#views").active == "instruction"
            await pilot.press("ctrl+o", "a")
            await settle(pilot)
            status = str(app.screen.query_one("#status", Static).render())
    assert bank.load("Demo/2").instruct_prompt.startswith("Count the words of a text.")
    assert status == "instruction accepted"


@run_async
async def test_an_edit_while_the_llm_answers_is_warned_of(tmp_path, monkeypatch):
    """Typing while the answer streamed was welcome; the proposal was then refused as made for
    other files, and nothing had said so."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    with ScriptedLLMServer([{"answer": ANSWER, "chunk_delay_s": 0.05}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l", "t")
            await pilot.pause(0.2)
            assert (workspace.running or "").startswith("asking the LLM")
            workspace.query_one("#tests-editor", TextArea).insert("# mine\n", (0, 0))
            await pilot.pause()
            titles = [n.title for n in app._notifications]
            assert "edited while the LLM answers" in titles
            await settle(pilot)


@run_async
async def test_a_bad_llm_setting_is_named_when_the_llm_is_asked(tmp_path, monkeypatch):
    """A malformed CURATOR_LLM_BASE_URL stopped the app from starting: the LLM is optional."""
    from curator.config import load_settings

    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    monkeypatch.setenv("CURATOR_LLM_BASE_URL", "localhost:11434/v1")
    app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=load_settings().llm))
    async with app.run_test(size=SIZE) as pilot:
        await open_workspace(pilot, "Demo/2")
        await pilot.press("ctrl+l")
        assert not isinstance(app.screen, ChoiceDialog)
        status = str(app.screen.query_one("#status", Static).render())
        assert status.startswith("no proposal: invalid LLM settings: llm.base_url: must start")


@run_async
async def test_leaving_the_task_cancels_the_request_to_the_llm(tmp_path, monkeypatch):
    """Esc during a request left at once, and the request ran on to its end, thrown away."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    with ScriptedLLMServer([{"answer": ANSWER, "chunk_delay_s": 0.2}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l", "t")
            await pilot.pause(0.3)
            cancel = workspace.cancel_llm
            await pilot.press("escape")
            await pilot.pause()
            assert cancel.is_set()
            assert "Demo/2: the request to the LLM was cancelled" in [
                n.message for n in app._notifications
            ]


@run_async
async def test_while_the_llm_is_asked_the_pane_counts_the_wait_and_ctrl_r_cancels(
    tmp_path, monkeypatch
):
    """A server that never answered showed "waiting for the model…" alone for eight minutes,
    with "Reject" in the footer for the key that stopped it."""
    from textual.widgets._footer import FooterKey

    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    with ScriptedLLMServer([{"delay_s": 20, "answer": ANSWER}] * 3) as server:
        llm = LLMSettings(
            base_url=server.base_url, model="scripted-model", timeout_s=30, max_retries=2
        )
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=(80, 24)) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l", "t")
            await pilot.pause(0.3)

            def waited() -> int:
                pane = str(workspace.query_one("#proposal-view", Static).render())
                clock = re.match(r"waiting for the model… (\d+):(\d\d)\n", pane)
                assert clock is not None, pane
                plan = f"asking scripted-model at {server.base_url}: each try waits up to 30 s"
                assert f"{plan}, 3 tries; Ctrl+R cancels" in pane.replace("\n", " "), pane
                return int(clock[1]) * 60 + int(clock[2])

            first = waited()
            await pilot.pause(1.2)
            assert waited() > first  # the clock counts on
            keys = {key.description for key in workspace.query(FooterKey)}
            assert "Cancel" in keys and "Reject" not in keys
            await pilot.press("ctrl+r")
            await settle(pilot)
            pane = str(workspace.query_one("#proposal-view", Static).render())
            assert pane.startswith("no proposal: cancelled"), pane
            await pilot.pause(1.2)  # the clock stopped with the wait
            assert str(workspace.query_one("#proposal-view", Static).render()) == pane


@run_async
async def test_the_proposal_pane_names_each_proposed_test_that_fails(tmp_path, monkeypatch):
    """The pane gave "1/3 tests passed" alone; `suggest` named the tests and why."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    failing = COVERING_TESTS + (
        "\n    def test_wrong(self):\n        self.assertEqual(task_func('a b', top=1), [])\n"
    )
    answer = f"Tests.\n\n```python\n{failing}```\n"
    with ScriptedLLMServer([{"answer": answer}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            shown = str(workspace.query_one("#proposal-view", Static).render())
            assert "\n  test_wrong: " in shown and "AssertionError" in shown


@run_async
async def test_no_autosave_outlives_a_rejected_proposal_or_edits_undone(tmp_path, monkeypatch):
    """The autosave of a proposal in the editors (Ctrl+T) outlived its rejection, and one of
    edits undone outlived them: opened again, the task offered to recover them as unsaved
    hand edits, and Ctrl+S saved an LLM's text unchecked."""
    from curator.drafts import draft_path

    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    with ScriptedLLMServer([{"answer": ANSWER}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE) as pilot:
            workspace = await open_workspace(pilot, "Demo/2")
            autosaved = draft_path(bank, "Demo/2")
            editor = workspace.query_one("#program-editor", TextArea)
            editor.insert("x", (0, 0))
            await pilot.pause()
            workspace.autosave()
            assert autosaved.exists()
            editor.undo()
            await pilot.pause()
            workspace.autosave()
            assert not autosaved.exists()
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            await pilot.press("ctrl+t")
            workspace.autosave()
            assert not autosaved.exists()  # the LLM's text is no edit of the annotator's
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert not autosaved.exists()
