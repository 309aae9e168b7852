"""The machine share of a sandbox's runs (`RunGate`): who waits for whom, and who had company."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from curator.sandbox.runner import Company, RunGate, Share

SETTLE_S = 0.2  # long enough for a thread that is not held back to get in


def enter_in_thread(
    gate: RunGate, company: Company, entered: list[str], name: str, release: threading.Event
) -> tuple[threading.Thread, list[Share]]:
    shares: list[Share] = []

    def run() -> None:
        with gate.enter(company) as share:
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
    first, first_share = enter_in_thread(gate, Company.SHARED, entered, "first", release)
    second, second_share = enter_in_thread(gate, Company.SHARED, entered, "second", release)
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
    running, _ = enter_in_thread(gate, Company.SHARED, entered, "running", releases[0])
    time.sleep(SETTLE_S)
    alone, alone_share = enter_in_thread(gate, Company.ALONE, entered, "alone", releases[1])
    time.sleep(SETTLE_S)
    later, _ = enter_in_thread(gate, Company.SHARED, entered, "later", releases[2])
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
    running, _ = enter_in_thread(gate, Company.SHARED, entered, "running", release)
    time.sleep(SETTLE_S)

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, SETTLE_S)  # Ctrl-C while this thread waits
    try:
        with pytest.raises(KeyboardInterrupt), gate.enter(Company.ALONE):
            entered.append("alone")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    later, _ = enter_in_thread(gate, Company.SHARED, entered, "later", release)
    time.sleep(SETTLE_S)
    assert entered == ["running", "later"]
    release.set()
    running.join()
    later.join()


def test_runs_expected_to_wait_go_on_beside_a_run_alone_as_its_company() -> None:
    """A run expected to wait (its last run of the same program waited) starts beside the
    runs that compute and beside a run alone, yet it may compute this time: it is their
    company (should they time out, they run again), and only a run strictly alone, the last
    word, has it wait and waits for it."""
    gate = RunGate()
    entered: list[str] = []
    releases = {name: threading.Event() for name in ("waiting", "alone", "strict", "later")}

    def enter(company: Company, name: str) -> tuple[threading.Thread, list[Share]]:
        return enter_in_thread(gate, company, entered, name, releases[name])

    waiting, waiting_share = enter(Company.WAITING, "waiting")
    time.sleep(SETTLE_S)
    alone, alone_share = enter(Company.ALONE, "alone")
    time.sleep(SETTLE_S)
    assert entered == ["waiting", "alone"]
    strict, strict_share = enter(Company.STRICTLY_ALONE, "strict")
    time.sleep(SETTLE_S)
    later, _ = enter(Company.WAITING, "later")
    time.sleep(SETTLE_S)
    assert entered == ["waiting", "alone"]  # the strict run waits; the later waiting one too
    releases["alone"].set()
    alone.join()
    time.sleep(SETTLE_S)
    assert entered == ["waiting", "alone"]  # the waiting run is still in flight
    releases["waiting"].set()
    waiting.join()
    time.sleep(SETTLE_S)
    assert entered == ["waiting", "alone", "strict"]
    releases["strict"].set()
    strict.join()
    releases["later"].set()
    later.join()
    assert entered == ["waiting", "alone", "strict", "later"]
    assert waiting_share[0].overlapped and alone_share[0].overlapped
    assert not strict_share[0].overlapped
