"""The machine share of a sandbox's runs (`RunGate`): who waits for whom, and who had company."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from curator.sandbox.runner import RunGate, Share

SETTLE_S = 0.2  # long enough for a thread that is not held back to get in


def enter_in_thread(
    gate: RunGate, alone: bool, entered: list[str], name: str, release: threading.Event
) -> tuple[threading.Thread, list[Share]]:
    shares: list[Share] = []

    def run() -> None:
        with gate.enter(alone) as share:
            entered.append(name)
            release.wait(5)
        shares.append(share)

    thread = threading.Thread(target=run, daemon=True)  # a failing test does not hang
    thread.start()
    return thread, shares


def test_runs_side_by_side_each_know_they_had_company() -> None:
    gate = RunGate()
    entered: list[str] = []
    release = threading.Event()
    first, first_share = enter_in_thread(gate, False, entered, "first", release)
    second, second_share = enter_in_thread(gate, False, entered, "second", release)
    time.sleep(SETTLE_S)
    assert sorted(entered) == ["first", "second"]
    release.set()
    first.join()
    second.join()
    assert first_share[0].overlapped and second_share[0].overlapped
    with gate.enter() as share:  # now alone in flight
        pass
    assert not share.overlapped


def test_a_run_asked_alone_waits_for_the_runs_in_flight_and_holds_back_new_ones() -> None:
    gate = RunGate()
    entered: list[str] = []
    releases = [threading.Event() for _ in range(3)]
    running, _ = enter_in_thread(gate, False, entered, "running", releases[0])
    time.sleep(SETTLE_S)
    alone, alone_share = enter_in_thread(gate, True, entered, "alone", releases[1])
    time.sleep(SETTLE_S)
    later, _ = enter_in_thread(gate, False, entered, "later", releases[2])
    time.sleep(SETTLE_S)
    assert entered == ["running"]  # the alone run waits, and the later one waits behind it
    releases[0].set()
    running.join()
    time.sleep(SETTLE_S)
    assert entered == ["running", "alone"]
    releases[1].set()
    alone.join()
    releases[2].set()
    later.join()
    assert entered == ["running", "alone", "later"]
    assert not alone_share[0].overlapped


def test_a_run_interrupted_while_waiting_to_be_alone_holds_no_one_back() -> None:
    gate = RunGate()
    entered: list[str] = []
    release = threading.Event()
    running, _ = enter_in_thread(gate, False, entered, "running", release)
    time.sleep(SETTLE_S)

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, SETTLE_S)  # Ctrl-C while this thread waits
    try:
        with pytest.raises(KeyboardInterrupt), gate.enter(alone=True):
            entered.append("alone")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    later, _ = enter_in_thread(gate, False, entered, "later", release)
    time.sleep(SETTLE_S)
    assert entered == ["running", "later"]
    release.set()
    running.join()
    later.join()


def test_a_waiting_run_is_company_and_a_run_alone_waits_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run expected to wait (its last run waited) starts beside the runs that compute, but
    it may compute this time (task code can behave otherwise from one run to the next): the
    runs beside it had company (should they time out, they run again alone), and a run alone
    has none of it, else a task could make another's run alone time out for good."""
    from curator.sandbox.runner import Sandbox

    spans: dict[str, tuple[float, float]] = {}

    def request(program: str, *args: object, **kwargs: object) -> dict[str, object]:
        began = time.monotonic()
        time.sleep(0.6 if program == "waiting" else 0.1)
        spans[program] = (began, time.monotonic())
        return {"events": [], "exit_code": 0}

    sandbox = Sandbox(isolate=False)
    monkeypatch.setattr(sandbox, "_request", request)
    runs = {}

    def run(name: str, **company: bool) -> threading.Thread:
        thread = threading.Thread(
            target=lambda: runs.__setitem__(name, sandbox.run(name, "", **company)), daemon=True
        )
        thread.start()
        return thread

    waiting = run("waiting", waiting=True)
    time.sleep(SETTLE_S)
    shared = run("shared")
    shared.join()
    alone = run("alone", alone=True)
    waiting.join()
    alone.join()
    assert runs["shared"].overlapped
    assert spans["alone"][0] >= spans["waiting"][1]
    assert not runs["alone"].overlapped
    assert runs["waiting"].overlapped  # should it time out computing, it runs again alone
