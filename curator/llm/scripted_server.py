"""A scripted chat-completions server on 127.0.0.1, for tests, demos and trying prompts offline.

Each request takes the next step of the script; a step is a JSON object:

- `{"answer": "...", "finish_reason": "stop"}`: a normal answer, streamed as server-sent events
  (a few characters per event) when the request asks for `stream`;
- `{"status": 429, "retry_after": "1", "body": "..."}`: an error status, optional Retry-After;
- `{"delay_s": 5, ...}`: wait before doing the rest of the step (to provoke a timeout);
- `{"raw": "..."}`: this body as it is, with status 200 (malformed JSON, say);
- `{"sse": "..."}`: this body as it is, as a server-sent event stream;
- `{"drop": true}`: close the connection without answering;
- `{"answer": "...", "drop_after_chars": 40}`: stream that much of the answer, then drop;
- `{"answer": "...", "chunk_delay_s": 0.1}`: stream slowly, to watch (or cancel) it live.

When the script runs out, the last step repeats. Every request body is kept in `requests`.
Run `python -m curator.llm.scripted_server SCRIPT.json [--port N]` to serve a script file
(a JSON list of steps); point curator at it with `CURATOR_LLM_BASE_URL=http://127.0.0.1:N/v1`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

STREAM_PIECE_CHARS = 16
Step = dict[str, Any]


class ScriptedLLMServer:
    def __init__(self, script: list[Step] | None = None, port: int = 0) -> None:
        self.script: list[Step] = list(script or [])
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._served = 0
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def queue(self, *steps: Step) -> None:
        with self._lock:
            self.script.extend(steps)

    def start(self) -> ScriptedLLMServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> ScriptedLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _next_step(self, body: dict[str, Any], headers: dict[str, str]) -> Step:
        with self._lock:
            self.requests.append(body)
            self.headers.append(headers)
            if not self.script:
                return {"status": 500, "body": "the scripted server has no script"}
            index = min(self._served, len(self.script) - 1)
            self._served += 1
            return self.script[index]


def _handler_for(server: ScriptedLLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: tests and demos print what matters themselves."""

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw)
            except json.JSONDecodeError:
                body = {"unparsed": raw.decode(errors="replace")}
            step = server._next_step(body, dict(self.headers))
            if step.get("delay_s") and server._stopping.wait(float(step["delay_s"])):
                return
            # A client that gave up (a timeout, a cancel) has nothing left to hear.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._perform(step, body)

        def _perform(self, step: Step, body: dict[str, Any]) -> None:
            if step.get("drop"):
                self._drop()
            elif "raw" in step:
                self._send(200, step["raw"].encode(), "application/json")
            elif "sse" in step:
                self._send(200, step["sse"].encode(), "text/event-stream")
            elif "status" in step and step["status"] != 200:
                extra = {"Retry-After": str(step["retry_after"])} if "retry_after" in step else {}
                message = step.get("body", f"scripted error {step['status']}")
                payload = json.dumps({"error": {"message": message, "type": "scripted"}})
                self._send(step["status"], payload.encode(), "application/json", extra)
            elif body.get("stream"):
                self._stream(step, body)
            else:
                answer = {
                    "id": "chatcmpl-scripted",
                    "object": "chat.completion",
                    "model": body.get("model", "scripted"),
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": step.get("answer", "")},
                            "finish_reason": step.get("finish_reason", "stop"),
                        }
                    ],
                }
                self._send(200, json.dumps(answer).encode(), "application/json")

        def _stream(self, step: Step, body: dict[str, Any]) -> None:
            text = step.get("answer", "")
            drop_after = step.get("drop_after_chars")
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            sent = 0
            while sent < len(text):
                if drop_after is not None and sent >= drop_after:
                    self.wfile.flush()
                    self._drop()
                    return
                if step.get("chunk_delay_s") and server._stopping.wait(step["chunk_delay_s"]):
                    return
                piece = text[sent : sent + STREAM_PIECE_CHARS]
                sent += len(piece)
                self._event({"choices": [{"index": 0, "delta": {"content": piece}}]}, body)
            if drop_after is not None:
                self._drop()
                return
            finish = {"index": 0, "delta": {}, "finish_reason": step.get("finish_reason", "stop")}
            self._event({"choices": [finish]}, body)
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            self.close_connection = True

        def _event(self, event: dict[str, Any], body: dict[str, Any]) -> None:
            event = {"object": "chat.completion.chunk", "model": body.get("model"), **event}
            self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
            self.wfile.flush()

        def _send(
            self,
            status: int,
            payload: bytes,
            content_type: str,
            extra: dict[str, str] | None = None,
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
            self.wfile.flush()

        def _drop(self) -> None:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("script", type=Path, help="A JSON list of steps.")
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    script = json.loads(arguments.script.read_text())
    server = ScriptedLLMServer(script, arguments.port).start()
    print(f"serving {len(script)} step(s) at {server.base_url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
