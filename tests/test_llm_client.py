"""The chat-completions client against a real scripted HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading

import pytest
from llm_helpers import fast_settings

from curator.llm.client import (
    ANSWER_LIMIT_CHARS,
    ChatClient,
    LLMCancelled,
    LLMConnectionError,
    LLMNotConfigured,
    LLMProtocolError,
    LLMRequestError,
    LLMTimeout,
    RetryNotice,
    parse_retry_after,
)
from curator.llm.scripted_server import ScriptedLLMServer

HELLO = [{"role": "user", "content": "hello"}]
LONG_ANSWER = "The quick brown fox jumps over the lazy dog. " * 5


@pytest.fixture
def server():
    with ScriptedLLMServer() as running:
        yield running


def client_for(server: ScriptedLLMServer, notices: list[RetryNotice] | None = None, **overrides):
    settings = fast_settings(server.base_url, **overrides)
    return ChatClient(settings, on_retry=notices.append if notices is not None else None)


@pytest.mark.parametrize("stream", [False, True])
def test_a_good_answer_arrives_whole(server, stream):
    server.queue({"answer": LONG_ANSWER})
    chunks: list[str] = []
    answer = client_for(server).chat(HELLO, stream=stream, on_chunk=chunks.append)
    assert answer.text == LONG_ANSWER
    assert answer.finish_reason == "stop"
    assert answer.attempts == 1
    assert "".join(chunks) == LONG_ANSWER
    # Streaming delivers the answer piece by piece, so the app can show it live.
    assert len(chunks) > 1 if stream else len(chunks) == 1
    request = server.requests[0]
    assert request["model"] == "scripted-model"
    assert request["messages"] == HELLO
    assert request["stream"] is stream


def test_the_api_key_is_sent_as_a_bearer_token_and_never_echoed(server):
    secret = "sk-test-0123456789abcdef"
    server.queue({"status": 400, "body": f"bad request for key {secret}"})
    with pytest.raises(LLMRequestError) as caught:
        client_for(server, api_key=secret).chat(HELLO)
    assert server.headers[0]["Authorization"] == f"Bearer {secret}"
    assert secret not in str(caught.value)
    assert "HTTP 400" in str(caught.value)
    assert len(server.requests) == 1  # a 400 is not retried


@pytest.mark.parametrize("stream", [False, True])
def test_429_waits_as_long_as_retry_after_says_then_succeeds(server, stream):
    server.queue({"status": 429, "retry_after": "0.2"}, {"answer": "ok"})
    notices: list[RetryNotice] = []
    answer = client_for(server, notices).chat(HELLO, stream=stream)
    assert answer.text == "ok"
    assert answer.attempts == 2
    # The wait comes from the header (0.2 s), not from the backoff (0.01 s).
    tries = fast_settings(server.base_url).max_retries + 1
    assert notices == [RetryNotice(attempt=1, attempts=tries, reason="HTTP 429", wait_s=0.2)]
    assert str(notices[0]) == f"HTTP 429: retrying in 0.2 s (attempt 2 of {tries})"


def test_retry_after_is_capped_by_max_backoff(server):
    server.queue({"status": 503, "retry_after": "3600"}, {"answer": "ok"})
    notices: list[RetryNotice] = []
    client_for(server, notices, max_backoff_s=0.05).chat(HELLO)
    assert [notice.wait_s for notice in notices] == [0.05]


def test_retry_after_reads_seconds_and_http_dates():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


@pytest.mark.parametrize("stream", [False, True])
def test_500_is_retried_with_growing_backoff_then_reported(server, stream):
    server.queue({"status": 500, "body": "model crashed"})
    notices: list[RetryNotice] = []
    with pytest.raises(LLMRequestError) as caught:
        client_for(server, notices).chat(HELLO, stream=stream)
    assert caught.value.status == 500
    assert "model crashed" in str(caught.value)
    assert "tried 3 time(s)" in str(caught.value)
    assert len(server.requests) == 3
    assert [notice.wait_s for notice in notices] == [0.01, 0.02]


@pytest.mark.parametrize("stream", [False, True])
def test_a_timeout_is_retried_then_reported(server, stream):
    server.queue({"delay_s": 3, "answer": "too late"})
    with pytest.raises(LLMTimeout, match=r"no answer within 0\.2 s"):
        client_for(server, timeout_s=0.2, max_retries=1).chat(HELLO, stream=stream)
    assert len(server.requests) == 2


def test_a_slow_first_attempt_then_a_good_one_succeeds(server):
    server.queue({"delay_s": 3, "answer": "late"}, {"answer": "on time"})
    answer = client_for(server, timeout_s=0.2).chat(HELLO)
    assert (answer.text, answer.attempts) == ("on time", 2)


def test_malformed_json_is_a_protocol_error_without_retries(server):
    server.queue({"raw": '{"choices": [ {"message": '})
    with pytest.raises(LLMProtocolError, match="not valid JSON"):
        client_for(server).chat(HELLO)
    assert len(server.requests) == 1


@pytest.mark.parametrize("stream", [False, True])
def test_an_answer_too_long_for_a_proposal_is_refused_without_retries(server, stream):
    """A model that loops wrote 10 MB: the command took 5 minutes and 1.5 GB to check it."""
    server.queue({"answer": "again " * (ANSWER_LIMIT_CHARS // 6 + 100)})
    chunks: list[str] = []
    with pytest.raises(LLMProtocolError, match="the answer is too long") as raised:
        client_for(server).chat(HELLO, stream=stream, on_chunk=chunks.append)
    assert "characters are taken, and it " in str(raised.value)
    assert "Is the model repeating itself?" in str(raised.value)
    assert len(server.requests) == 1
    assert sum(map(len, chunks)) <= ANSWER_LIMIT_CHARS + 16


def test_json_without_choices_is_named(server):
    server.queue({"raw": json.dumps({"object": "chat.completion", "choices": []})})
    with pytest.raises(LLMProtocolError, match=r"no choices\[0\]\.message\.content"):
        client_for(server).chat(HELLO)


@pytest.mark.parametrize("stream", [False, True])
def test_a_dropped_connection_is_retried_then_reported(server, stream):
    server.queue({"drop": True})
    with pytest.raises(LLMConnectionError, match="dropped the connection"):
        client_for(server).chat(HELLO, stream=stream)
    assert len(server.requests) == 3


def test_a_dropped_connection_then_an_answer_succeeds(server):
    server.queue({"drop": True}, {"answer": "back"})
    assert client_for(server).chat(HELLO).text == "back"


def test_a_stream_dropped_midway_fails_without_repeating_what_was_shown(server):
    server.queue({"answer": LONG_ANSWER, "drop_after_chars": 40}, {"answer": "second"})
    chunks: list[str] = []
    with pytest.raises(LLMConnectionError, match="broke off after 48 characters"):
        client_for(server).chat(HELLO, stream=True, on_chunk=chunks.append)
    assert "".join(chunks) == LONG_ANSWER[:48]
    assert len(server.requests) == 1


def test_a_truncated_answer_reports_finish_reason_length(server):
    server.queue({"answer": "def f(", "finish_reason": "length"})
    for stream in (False, True):
        answer = client_for(server).chat(HELLO, stream=stream)
        assert answer.finish_reason == "length"


def test_cancelling_stops_a_request_that_is_waiting(server):
    server.queue({"delay_s": 30, "answer": "never"})
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(LLMCancelled):
        client_for(server, timeout_s=30).chat(HELLO, cancel=cancel)


def test_cancelling_stops_a_stream_midway(server):
    server.queue({"answer": LONG_ANSWER, "chunk_delay_s": 0.05})
    cancel = threading.Event()
    chunks: list[str] = []

    def cancel_after_the_first_piece(piece: str) -> None:
        chunks.append(piece)
        cancel.set()

    with pytest.raises(LLMCancelled):
        client_for(server).chat(
            HELLO, stream=True, on_chunk=cancel_after_the_first_piece, cancel=cancel
        )
    assert 1 <= len(chunks) < len(LONG_ANSWER) // 16
    assert len(server.requests) == 1


def test_cancelling_during_the_retry_wait_after_a_429(server):
    server.queue({"status": 429, "retry_after": "30"})
    cancel = threading.Event()

    def cancel_on_retry(notice: RetryNotice) -> None:
        cancel.set()

    settings = fast_settings(server.base_url, max_backoff_s=30)
    with pytest.raises(LLMCancelled):
        ChatClient(settings, on_retry=cancel_on_retry).chat(HELLO, cancel=cancel)
    assert len(server.requests) == 1


def test_a_refused_connection_says_to_check_the_server():
    with ScriptedLLMServer() as closed:
        base_url = closed.base_url
    with pytest.raises(LLMConnectionError, match=r"connection refused.*is the server running"):
        ChatClient(fast_settings(base_url, max_retries=0)).chat(HELLO)


def test_no_base_url_and_no_key_is_not_configured():
    with pytest.raises(LLMNotConfigured, match="CURATOR_LLM_BASE_URL"):
        ChatClient(fast_settings(None))  # type: ignore[arg-type]


def test_a_server_without_a_model_is_not_configured(server):
    with pytest.raises(LLMNotConfigured, match="no LLM model"):
        ChatClient(fast_settings(server.base_url, model=None))


def test_404_is_not_retried_and_points_at_the_url_and_model(server):
    server.queue({"status": 404, "body": "model 'nope' not found"})
    with pytest.raises(LLMRequestError, match=r"model 'nope' not found.*check the base URL"):
        client_for(server).chat(HELLO, stream=True)
    assert len(server.requests) == 1


def chunk(content: str | None = None, finish_reason: str | None = None) -> str:
    delta = {"content": content} if content is not None else {}
    choice = {"index": 0, "delta": delta, "finish_reason": finish_reason}
    return "data: " + json.dumps({"choices": [choice]}) + "\n\n"


def test_a_stream_with_comments_and_no_done_marker_still_ends_cleanly(server):
    body = ": keep-alive\n\n" + chunk("Hel") + chunk("lo") + chunk(None, "stop")
    server.queue({"sse": body})
    chunks: list[str] = []
    answer = client_for(server).chat(HELLO, stream=True, on_chunk=chunks.append)
    assert (answer.text, answer.finish_reason, chunks) == ("Hello", "stop", ["Hel", "lo"])


def test_an_error_event_inside_a_stream_is_reported(server):
    error = {"error": {"message": "model overloaded"}}
    server.queue({"sse": chunk("Hel") + "data: " + json.dumps(error) + "\n\n"})
    with pytest.raises(LLMRequestError, match="mid-answer: model overloaded"):
        client_for(server).chat(HELLO, stream=True)


def test_a_malformed_streamed_event_is_a_protocol_error(server):
    server.queue({"sse": chunk("Hel") + "data: {not json\n\n"})
    with pytest.raises(LLMProtocolError, match="streamed event is not valid JSON"):
        client_for(server).chat(HELLO, stream=True)


def test_a_server_that_ignores_stream_gets_its_json_answer_read(server):
    completion = {"choices": [{"message": {"content": "whole"}, "finish_reason": "stop"}]}
    server.queue({"raw": json.dumps(completion)})
    chunks: list[str] = []
    answer = client_for(server).chat(HELLO, stream=True, on_chunk=chunks.append)
    assert (answer.text, chunks) == ("whole", ["whole"])
