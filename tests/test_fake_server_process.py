"""The fake server as a process: every option from the command line, one line per drop."""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import struct
import subprocess
import sys
from collections.abc import Iterator
from typing import IO

import httpx
import pytest

from openai_images_sdk.fake_server import DropConnection, Latency, RateLimit, StatusFault
from openai_images_sdk.fake_server._serve import (
    add_serve_arguments,
    parse_fault,
    parse_rate_limit,
    server_options,
)

# Headers the official SDK sends (its user agent and telemetry headers), so the server is
# exercised as another client would use it.
OFFICIAL = {
    "user-agent": "OpenAI/Python 2.3.0",
    "x-stainless-lang": "python",
    "x-stainless-package-version": "2.3.0",
    "x-stainless-retry-count": "0",
    "accept": "application/json",
}


class Served:
    """A `python -m openai_images_sdk.fake_server` child process and its base URL."""

    def __init__(self, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "openai_images_sdk.fake_server", "--port", "0", *options],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stderr is not None
        self.stderr: IO[str] = self.process.stderr
        line = self.stderr.readline()
        assert "fake images server at " in line, line
        self.base_url = line.split(" at ", 1)[1].split()[0]
        host_port = self.base_url.removeprefix("http://").removesuffix("/v1")
        host, port = host_port.rsplit(":", 1)
        self.address = (host, int(port))

    def stop(self) -> str:
        """Stop with SIGTERM; the rest of stderr."""
        self.process.send_signal(signal.SIGTERM)
        _, rest = self.process.communicate(timeout=30)
        assert self.process.returncode == 0, rest
        return rest


@pytest.fixture
def served(request: pytest.FixtureRequest) -> Iterator[Served]:
    process = Served(*getattr(request, "param", ()))
    yield process
    if process.process.poll() is None:
        process.process.kill()
        process.process.communicate(timeout=30)


def _post(base_url: str, path: str, **kwargs: object) -> httpx.Response:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        return http.post(path, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "served",
    [
        (
            "--api-key",
            "sk-process-key",
            "--fault",
            "status=503; retry_after=2; path=/v1/images/edits",
            "--rate-limit",
            "3/3600",
            "--azure-deployment",
            "painter=gpt-image-1",
        )
    ],
    indirect=True,
    ids=["options"],
)
def test_options_reach_the_server_process(served: Served) -> None:
    body = {"prompt": "a lighthouse", "model": "gpt-image-1.5", "size": "1024x1024"}
    wrong = _post(served.base_url, "/images/generations", json=body, headers=OFFICIAL)
    assert wrong.status_code == 401
    key = {**OFFICIAL, "authorization": "Bearer sk-process-key"}
    ok = _post(served.base_url, "/images/generations", json=body, headers=key)
    assert ok.status_code == 200
    assert ok.headers["x-ratelimit-limit-requests"] == "3"
    assert ok.json()["data"][0]["b64_json"]
    edit = _post(
        served.base_url,
        "/images/edits",
        data={"prompt": "add a boat", "model": "gpt-image-1.5"},
        files={"image[]": ("in.png", _png(), "image/png")},
        headers=key,
    )
    assert edit.status_code == 503
    assert edit.headers["retry-after"] == "2"
    assert edit.json()["error"]["type"] == "server_error"
    azure = _post(
        served.base_url.removesuffix("/v1"),
        "/openai/deployments/painter/images/generations?api-version=2025-04-01-preview",
        json={"prompt": "azure"},
        headers={"api-key": "sk-process-key"},
    )
    assert azure.status_code == 200
    over = _post(served.base_url, "/images/generations", json=body, headers=key)
    assert over.status_code == 429
    rest = served.stop()
    assert "Traceback" not in rest


@pytest.mark.parametrize(
    "served",
    [
        (
            "--retired",
            "reject",
            "--validation",
            "off",
            "--latency",
            "0",
        )
    ],
    indirect=True,
    ids=["options"],
)
def test_retired_and_validation_modes(served: Served) -> None:
    key = {**OFFICIAL, "authorization": "Bearer k"}
    variation = _post(
        served.base_url,
        "/images/variations",
        files={"image": ("in.png", _png(), "image/png")},
        headers=key,
    )
    assert variation.status_code == 404
    assert variation.json()["error"]["code"] == "endpoint_retired"
    # validation off: a size the model does not offer is served anyway
    odd = _post(
        served.base_url,
        "/images/generations",
        json={"prompt": "x", "model": "gpt-image-1", "size": "64x64"},
        headers=key,
    )
    assert odd.status_code == 200, odd.text
    served.stop()


def _png() -> bytes:
    from openai_images_sdk.testing import sample_image

    return sample_image(size="16x16")


def _request(path: str, body: dict[str, object]) -> bytes:
    data = json.dumps(body).encode()
    return (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
    ).encode() + data


def _reset(connection: socket.socket) -> None:
    """Close with a TCP reset (SO_LINGER 0), as a killed client does."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


@pytest.mark.parametrize(
    "served",
    [
        (
            "--stream-interval",
            "0.05",
        )
    ],
    indirect=True,
    ids=["options"],
)
def test_a_dropped_client_is_one_log_line(served: Served) -> None:
    # 1: the answer was read, then the client vanished while the connection was kept alive.
    with socket.create_connection(served.address, timeout=30) as first:
        first.sendall(_request("/v1/images/generations", {"prompt": "x", "size": "256x256"}))
        first.recv(64)
        _reset(first)
    # 2: the client vanished in the middle of a streamed answer.
    with socket.create_connection(served.address, timeout=30) as second:
        second.sendall(
            _request("/v1/images/generations", {"prompt": "x", "stream": True, "partial_images": 3})
        )
        second.recv(64)
        _reset(second)
    # A request after both drops is answered: the server is unharmed.
    after = _post(
        served.base_url,
        "/images/generations",
        json={"prompt": "y"},
        headers={"authorization": "Bearer k"},
    )
    rest_on_failure = "" if after.status_code == 200 else served.stop()
    assert after.status_code == 200, (after.text, rest_on_failure)
    rest = served.stop()
    assert "Traceback" not in rest
    lines = [line for line in rest.splitlines() if "dropped the connection" in line]
    assert len(lines) == 2, rest
    assert all(line.startswith("fake images server: client 127.0.0.1:") for line in lines)
    assert not [line for line in rest.splitlines() if line.strip() and line not in lines]


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_serve_arguments(parser)
    return parser.parse_args(list(argv))


def test_every_server_option_has_a_flag() -> None:
    import inspect

    from openai_images_sdk.fake_server import FakeImagesServer

    options = server_options(
        _parse(
            "--fault",
            "drop; after_events=2; probability=0.5",
            "--fault",
            "latency=0.5",
            "--rate-limit",
            "5/1.5",
            "--rate-limit-headers-only",
            "--seed",
            "7",
            "--no-draw-text",
        )
    )
    wanted = set(inspect.signature(FakeImagesServer).parameters)
    assert set(options) == wanted
    assert options["faults"] == (
        DropConnection(after_events=2, probability=0.5),
        Latency(seconds=0.5),
    )
    assert options["rate_limit"] == RateLimit(requests=5, window=1.5, enforce=False)
    assert options["seed"] == "7"
    assert options["draw_text"] is False


def test_fault_and_rate_limit_syntax() -> None:
    assert parse_fault("status=500; path=/v1/images/edits") == StatusFault(
        status=500, path="/v1/images/edits"
    )
    assert parse_rate_limit("3") == RateLimit(requests=3, window=60.0)
    for bad, message in [
        ("status=500; latency=1", "names 2"),
        ("status=500; path=v1", "start with '/'"),
        ("status=500; probability=2", r"\[0, 1\]"),
        ("status=500; probability=x", "not a number"),
        ("nonsense", "unknown X-Fake-Fault key"),
    ]:
        with pytest.raises(ValueError, match=message):
            parse_fault(bad)
    with pytest.raises(ValueError, match="REQUESTS"):
        parse_rate_limit("many")
    with pytest.raises(SystemExit):
        _parse("--azure-deployment", "nomodel")
    with pytest.raises(SystemExit):
        _parse("--latency", "-1")


def test_a_busy_port_is_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "openai_images_sdk.fake_server", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
