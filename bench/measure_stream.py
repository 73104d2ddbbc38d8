"""Consuming a server-sent event stream: the generated client against a hand-written loop.

    python bench/measure_stream.py CLIENT_DIR [--events N] [--reps N]

CLIENT_DIR holds `stream_bench`, generated from bench/stream.yaml (bench/run.py makes it).
Both sides read the same body of N chat-completion chunks and a `[DONE]`, served by an
in-process `httpx.MockTransport` in pieces of 16 KiB as a socket would deliver them. The
baseline is what one writes by hand with httpx: `iter_lines()`, the `data: ` prefix cut,
`json.loads` on each payload. Ours is `for event in client.chat.complete_stream(...)`
with `event.value` read (decoded into the model). Batches alternate (ABBA) for `--reps`
rounds; the result is each side's median time per stream and the ratio of the medians.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

PIECE = 16 * 1024


def body(events: int) -> bytes:
    lines = []
    for i in range(events):
        chunk = {
            "id": "chatcmpl-8f2c",
            "object": "chat.completion.chunk",
            "created": 1733000000 + i,
            "model": "bench-model-7b",
            "choices": [{"index": 0, "delta": {"content": f"token {i} "}, "finish_reason": None}],
        }
        lines.append(b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n")
    lines.append(b"data: [DONE]\n\n")
    return b"".join(lines)


def transport(content: bytes) -> httpx.MockTransport:
    def pieces() -> Iterator[bytes]:
        for start in range(0, len(content), PIECE):
            yield content[start : start + PIECE]

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=[("content-type", "text/event-stream")], content=pieces())

    return httpx.MockTransport(handle)


def baseline(mock: httpx.MockTransport) -> Callable[[], int]:
    http = httpx.Client(transport=mock)
    payload = {"model": "m", "prompt": "p", "stream": True}

    def consume() -> int:
        count = 0
        with http.stream("POST", "http://bench.invalid/chat/completions", json=payload) as response:
            for line in response.iter_lines():
                if not line.startswith("data: "):
                    continue
                data = line[6:]
                if data == "[DONE]":
                    break
                content = json.loads(data)["choices"][0]["delta"]["content"]
                count += content is not None
        return count

    return consume


def ours(mock: httpx.MockTransport, client_dir: Path) -> Callable[[], int]:
    sys.path.insert(0, str(client_dir))
    stream_bench = importlib.import_module("stream_bench")
    client = stream_bench.Client(http_client=httpx.Client(transport=mock))
    request = stream_bench.models.ChatRequest(model="m", prompt="p")

    def consume() -> int:
        count = 0
        for event in client.chat.complete_stream(body=request):
            content = event.value.choices[0].delta.content
            count += content is not None
        return count

    return consume


def timed(consume: Callable[[], int], events: int, batch: int) -> float:
    started = time.perf_counter()
    for _ in range(batch):
        assert consume() == events
    return (time.perf_counter() - started) / batch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("client_dir", type=Path)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--batch", type=int, default=2)
    args = parser.parse_args(argv)
    mock = transport(body(args.events))
    subjects = {"baseline": baseline(mock), "ours": ours(mock, args.client_dir)}
    for consume in subjects.values():  # warm: decoders built, code paths loaded
        timed(consume, args.events, 1)
    times: dict[str, list[float]] = {name: [] for name in subjects}
    for rep in range(args.reps):
        order = ["baseline", "ours"] if rep % 2 == 0 else ["ours", "baseline"]
        for name in order:
            times[name].append(timed(subjects[name], args.events, args.batch))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(
        json.dumps(
            {
                "events": args.events,
                "reps": args.reps,
                "baseline_ms": medians["baseline"] * 1000,
                "ours_ms": medians["ours"] * 1000,
                "ratio": medians["ours"] / medians["baseline"],
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
