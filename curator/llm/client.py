"""An OpenAI-compatible chat-completions client over the standard library's `http.client`.

One protocol covers OpenAI, vLLM, Ollama, llama.cpp's server and LM Studio. Transient failures
(429, 5xx, timeouts, dropped connections) are retried with exponential backoff that honours a
`Retry-After` header; everything else fails at once with a message that says what to check.
Streaming reads the server-sent `data:` lines and hands each piece of text to a callback as it
arrives; a `threading.Event` cancels a request at any point, including during a backoff wait.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, NoReturn
from urllib.parse import urlsplit

from curator.config import LLMSettings, config_file_name
from curator.errors import CuratorError
from curator.models import utc_now

RETRY_STATUSES = {429, 500, 502, 503, 504}
RETRY_AFTER_STATUSES = {429, 503}
CANCEL_POLL_S = 0.05
BODY_EXCERPT_CHARS = 300
ANSWER_LIMIT_CHARS = 256 * 1024
"""The longest answer taken: a proposal holds a task's files (BigCodeBench's largest is 7.5 KB),
and a task's file at most 1 MiB. A model that loops wrote 10 MB, which took 5 minutes and
1.5 GB to check, and then timed out."""
BODY_LIMIT_BYTES = 8 * ANSWER_LIMIT_CHARS  # JSON may write a character as 6 bytes (\uXXXX)

Message = dict[str, str]


class LLMError(CuratorError):
    """A request to the language model did not give a usable answer; nothing was changed."""


class LLMNotConfigured(LLMError):
    def __init__(self, missing: str = "no LLM is configured") -> None:
        super().__init__(
            f"{missing}. Set CURATOR_LLM_BASE_URL (e.g. http://localhost:11434/v1 for Ollama) "
            "and CURATOR_LLM_MODEL, plus CURATOR_LLM_API_KEY if the server needs one "
            f"(OPENAI_BASE_URL / OPENAI_API_KEY also work), or put them in the [llm] table of "
            f"{config_file_name()}; `curator config` shows what is set. Everything else works "
            "without an LLM."
        )


class LLMRequestError(LLMError):
    """The server refused the request or kept failing; `status` is the last HTTP status."""

    def __init__(self, message: str, status: int | None = None) -> None:
        self.status = status
        super().__init__(message)


class LLMTimeout(LLMError):
    pass


class LLMConnectionError(LLMError):
    pass


class LLMProtocolError(LLMError):
    """The server answered, but not in the chat-completions format."""


class LLMCancelled(LLMError):
    def __init__(self) -> None:
        super().__init__("the request to the language model was cancelled")


@dataclass(frozen=True)
class ChatAnswer:
    text: str
    finish_reason: str | None
    model: str
    attempts: int


@dataclass(frozen=True)
class RetryNotice:
    """Sent before each retry so that a UI can say why it waits and for how long."""

    attempt: int
    attempts: int
    reason: str
    wait_s: float

    def __str__(self) -> str:
        following = f"attempt {self.attempt + 1} of {self.attempts}"
        return f"{self.reason}: retrying in {self.wait_s:.1f} s ({following})"


class _Retryable(Exception):
    def __init__(self, reason: str, error: LLMError, retry_after_s: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.error = error
        self.retry_after_s = retry_after_s


class ChatClient:
    def __init__(
        self, settings: LLMSettings, on_retry: Callable[[RetryNotice], None] | None = None
    ) -> None:
        if settings.problem:
            raise LLMNotConfigured(settings.problem)
        if not settings.configured:
            raise LLMNotConfigured()
        if not settings.model:
            raise LLMNotConfigured("no LLM model is configured")
        self.settings = settings
        self.model: str = settings.model
        self.on_retry = on_retry
        parts = urlsplit(settings.effective_base_url)
        if not parts.hostname:
            raise LLMNotConfigured(f"the LLM base URL {settings.effective_base_url!r} has no host")
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port
        self._path = parts.path.rstrip("/") + "/chat/completions"
        self.url = f"{settings.effective_base_url}/chat/completions"

    def chat(
        self,
        messages: list[Message],
        *,
        temperature: float | None = None,
        stream: bool = False,
        on_chunk: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> ChatAnswer:
        """Send one chat request, retrying transient failures; raises an `LLMError` otherwise."""
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": self.settings.temperature if temperature is None else temperature,
            "stream": stream,
        }
        if self.settings.max_tokens:
            body["max_tokens"] = self.settings.max_tokens
        payload = json.dumps(body).encode()
        cancel = cancel or threading.Event()
        attempt = 0
        while True:
            attempt += 1
            if cancel.is_set():
                raise LLMCancelled()
            try:
                text, finish_reason, model = self._attempt(payload, stream, on_chunk, cancel)
                return ChatAnswer(text, finish_reason, model or self.model, attempt)
            except _Retryable as retryable:
                if attempt > self.settings.max_retries:
                    raise retryable.error from None
                wait = self._wait_before_retry(attempt, retryable.retry_after_s)
                if self.on_retry:
                    attempts = self.settings.max_retries + 1
                    self.on_retry(RetryNotice(attempt, attempts, retryable.reason, wait))
                if cancel.wait(wait):
                    raise LLMCancelled() from None

    def _wait_before_retry(self, attempt: int, retry_after_s: float | None) -> float:
        if retry_after_s is not None:
            wait = retry_after_s
        else:
            wait = self.settings.backoff_s * 2 ** (attempt - 1)
        return min(wait, self.settings.max_backoff_s)

    def _attempt(
        self,
        payload: bytes,
        stream: bool,
        on_chunk: Callable[[str], None] | None,
        cancel: threading.Event,
    ) -> tuple[str, str | None, str | None]:
        connection_class = (
            http.client.HTTPSConnection if self._https else http.client.HTTPConnection
        )
        connection = connection_class(self._host, self._port, timeout=self.settings.timeout_s)
        finished = threading.Event()
        received: list[str] = []
        try:
            connection.connect()
            # The response keeps reading from this socket after http.client lets go of it.
            threading.Thread(
                target=_shut_down_on_cancel,
                args=(connection.sock, cancel, finished),
                daemon=True,
            ).start()
            connection.request("POST", self._path, body=payload, headers=self._headers(stream))
            response = connection.getresponse()
            if response.status != 200:
                self._fail_on_status(response)
            content_type = response.getheader("Content-Type", "")
            if stream and "text/event-stream" in content_type:
                return self._read_stream(response, on_chunk, received, cancel)
            raw = response.read(BODY_LIMIT_BYTES + 1)
            if len(raw) > BODY_LIMIT_BYTES:
                raise self._too_long(f"and its body holds over {BODY_LIMIT_BYTES:,} bytes")
            text, finish_reason, model = self._read_json(raw)
            if len(text) > ANSWER_LIMIT_CHARS:
                raise self._too_long(f"and it holds {len(text):,}")
            if on_chunk and text:
                on_chunk(text)
            return text, finish_reason, model
        except TimeoutError:
            if cancel.is_set():
                raise LLMCancelled() from None
            error: LLMError = LLMTimeout(
                f"{self.url}: no answer within {self.settings.timeout_s:g} s "
                f"(timeout_s; tried {self.settings.max_retries + 1} time(s))"
            )
            self._raise_retryable_unless_streamed(received, "timeout", error)
        except (ConnectionError, http.client.HTTPException, OSError) as problem:
            if cancel.is_set():
                raise LLMCancelled() from None
            reason = _describe_connection_problem(problem)
            hint = "; is the server running?" if isinstance(problem, ConnectionRefusedError) else ""
            error = LLMConnectionError(
                f"{self.url}: {reason} (tried {self.settings.max_retries + 1} time(s){hint})"
            )
            self._raise_retryable_unless_streamed(received, reason, error)
        finally:
            finished.set()
            connection.close()

    def _raise_retryable_unless_streamed(
        self, received: list[str], reason: str, error: LLMError
    ) -> NoReturn:
        """A retry after part of a streamed answer was shown would show it twice: fail instead."""
        if received:
            chars = sum(len(piece) for piece in received)
            raise LLMConnectionError(
                f"{self.url}: the answer broke off after {chars} characters ({reason})"
            )
        raise _Retryable(reason, error)

    def _headers(self, stream: bool) -> dict[str, str]:
        headers = {
            "Content-Type": "application/json",
            "Accept": "text/event-stream" if stream else "application/json",
        }
        if self.settings.api_key is not None:
            headers["Authorization"] = f"Bearer {self.settings.api_key.get_secret_value()}"
        return headers

    def _fail_on_status(self, response: http.client.HTTPResponse) -> None:
        status = response.status
        detail = self._redact(_error_detail(response.read()))
        message = f"{self.url}: HTTP {status} {response.reason}" + (f": {detail}" if detail else "")
        if status in RETRY_STATUSES:
            retry_after = None
            if status in RETRY_AFTER_STATUSES:
                retry_after = parse_retry_after(response.getheader("Retry-After"))
            error = LLMRequestError(
                message + f" (tried {self.settings.max_retries + 1} time(s))", status
            )
            raise _Retryable(f"HTTP {status}", error, retry_after)
        hint = {
            401: " (check the API key: CURATOR_LLM_API_KEY)",
            403: " (check the API key: CURATOR_LLM_API_KEY)",
            404: " (check the base URL, which usually ends in /v1, and the model name)",
        }.get(status, "")
        raise LLMRequestError(message + hint, status)

    def _read_json(self, raw: bytes) -> tuple[str, str | None, str | None]:
        body = self._redact(_excerpt(raw))
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise LLMProtocolError(
                f"{self.url}: the answer is not valid JSON ({error}): {body!r}"
            ) from None
        if isinstance(data, dict) and "error" in data:
            raise LLMRequestError(
                f"{self.url}: the server reported an error: {self._redact(_error_detail(raw))}"
            )
        try:
            choice = data["choices"][0]
            text = choice["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise LLMProtocolError(
                f"{self.url}: the answer has no choices[0].message.content: {body!r}"
            ) from None
        if not isinstance(text, str):
            raise LLMProtocolError(f"{self.url}: the answer's content is not text")
        return text, choice.get("finish_reason"), data.get("model")

    def _read_stream(
        self,
        response: http.client.HTTPResponse,
        on_chunk: Callable[[str], None] | None,
        received: list[str],
        cancel: threading.Event,
    ) -> tuple[str, str | None, str | None]:
        finish_reason = None
        model = None
        length = 0
        for data in _server_sent_data(response):
            if cancel.is_set():
                raise LLMCancelled()
            if data == "[DONE]":
                return "".join(received), finish_reason, model
            try:
                event = json.loads(data)
            except json.JSONDecodeError as error:
                raise LLMProtocolError(
                    f"{self.url}: a streamed event is not valid JSON ({error}): {data[:200]!r}"
                ) from None
            if not isinstance(event, dict):
                raise LLMProtocolError(f"{self.url}: a streamed event is not an object")
            if "error" in event:
                raise LLMRequestError(
                    f"{self.url}: the server reported an error mid-answer: "
                    f"{self._redact(_error_detail(data.encode()))}"
                )
            model = event.get("model") or model
            for choice in event.get("choices") or []:
                piece = (choice.get("delta") or {}).get("content")
                if piece:
                    received.append(piece)
                    length += len(piece)
                    if length > ANSWER_LIMIT_CHARS:
                        raise self._too_long("and it went on")
                    if on_chunk:
                        on_chunk(piece)
                finish_reason = choice.get("finish_reason") or finish_reason
        if finish_reason is None:
            raise http.client.IncompleteRead(b"".join(part.encode() for part in received))
        return "".join(received), finish_reason, model

    def _too_long(self, size: str) -> LLMProtocolError:
        return LLMProtocolError(
            f"{self.url}: the answer is too long: at most {ANSWER_LIMIT_CHARS:,} characters are "
            f"taken, {size}. Is the model repeating itself? Ask again, or lower max_tokens"
        )

    def _redact(self, text: str) -> str:
        key = self.settings.api_key.get_secret_value() if self.settings.api_key else ""
        return text.replace(key, "***") if key else text


def _server_sent_data(response: http.client.HTTPResponse) -> Any:
    """Yield the data of each server-sent event (several `data:` lines join with newlines)."""
    lines: list[str] = []
    while True:
        raw = response.readline()
        if not raw:
            if lines:
                yield "\n".join(lines)
            return
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not line:
            if lines:
                yield "\n".join(lines)
                lines = []
        elif line.startswith("data:"):
            lines.append(line[5:].removeprefix(" "))


def _shut_down_on_cancel(
    sock: socket.socket, cancel: threading.Event, finished: threading.Event
) -> None:
    """Unblock a read in progress when the request is cancelled."""
    while not finished.is_set():
        if cancel.wait(CANCEL_POLL_S):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            return


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a `Retry-After` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - utc_now()).total_seconds())


def _describe_connection_problem(problem: BaseException) -> str:
    if isinstance(problem, ConnectionRefusedError):
        return "connection refused"
    if isinstance(problem, http.client.RemoteDisconnected | ConnectionResetError):
        return "the server dropped the connection"
    if isinstance(problem, http.client.IncompleteRead):
        return "the answer ended early (connection closed)"
    return f"connection failed ({problem.__class__.__name__}: {problem})"


def _error_detail(raw: bytes) -> str:
    """The `error.message` of an OpenAI-style error body, else the start of the body."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _excerpt(raw)
    if isinstance(data, dict):
        error = data.get("error")
        message = error.get("message") if isinstance(error, dict) else None
        if isinstance(message, str):
            return message
        if isinstance(error, str):
            return error
    return _excerpt(raw)


def _excerpt(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace").strip()[:BODY_EXCERPT_CHARS]
