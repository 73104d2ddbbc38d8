"""Request bodies and responses of every media type, on the wire: the client generated from
tests/specs/media.yaml against our HTTP server on 127.0.0.1 (tests/http_server.py). Multipart
forms are parsed back with the standard library's email parser: part names, filenames, part
Content-Types and contents; a file object goes out in chunks, never read whole."""

from __future__ import annotations

import asyncio
import importlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import TESTS, generated_package
from http_server import RecordedRequest, Reply, ScriptedServer

STORED = {"id": "f1", "size": 3}


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("media-wire")
    with generated_package(TESTS / "specs" / "media.yaml", out, "wire_media") as package:
        yield package


@dataclass(frozen=True)
class FormPart:
    name: str | None
    filename: str | None
    content_type: str | None
    content: bytes


def form_parts(request: RecordedRequest) -> list[FormPart]:
    content_type = request.headers["Content-Type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.body
    )
    assert message.is_multipart()
    return [
        FormPart(
            part.get_param("name", header="content-disposition"),  # type: ignore[arg-type]
            part.get_filename(),
            part.get("Content-Type"),
            part.get_payload(decode=True),  # type: ignore[arg-type]
        )
        for part in message.iter_parts()  # type: ignore[attr-defined]
    ]


class ChunkedReader:
    """A binary file that is not a real file: no fileno, no seek; records each read."""

    def __init__(self, data: bytes, name: str) -> None:
        self._data = io.BytesIO(data)
        self.name = name
        self.reads: list[int] = []

    def read(self, size: int = -1) -> bytes:
        assert size is not None and size > 0, f"the whole file was read (read({size}))"
        self.reads.append(size)
        return self._data.read(size)


def _upload_body(media: ModuleType) -> Any:
    models = media.models
    return models.FilesUploadBody(
        file=b"\x89PNG",
        attachments=[io.BytesIO(b"first"), ("b.txt", b"second", "text/plain")],
        purpose="avatar",
        count=3,
        tags=["x", "y"],
        meta=models.Meta(author="Ada"),
        notes="# hi",
    )


EXPECTED_UPLOAD = [
    FormPart("file", "file", "image/png", b"\x89PNG"),
    FormPart("attachments", "attachments", "application/octet-stream", b"first"),
    FormPart("attachments", "b.txt", "text/plain", b"second"),
    FormPart("purpose", None, None, b"avatar"),
    FormPart("count", None, None, b"3"),
    FormPart("tags", None, None, b"x"),
    FormPart("tags", None, None, b"y"),
    FormPart("meta", None, "application/json", b'{"author":"Ada"}'),
    FormPart("notes", None, "text/markdown", b"# hi"),
]


def test_a_multipart_form_part_by_part(media: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("POST", "/files", Reply.json(STORED, status=201))
    with media.Client(base_url=http_server.url) as client:
        stored = client.files.upload(body=_upload_body(media))
    assert stored == media.models.StoredFile(id="f1", size=3)
    assert form_parts(http_server.last_request) == EXPECTED_UPLOAD


def test_a_file_object_is_streamed_in_chunks(media: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("POST", "/files", Reply.json(STORED, status=201))
    data = bytes(range(256)) * 1024  # 256 KiB
    reader = ChunkedReader(data, "/some/folder/big.bin")
    with media.Client(base_url=http_server.url) as client:
        client.files.upload(body=media.models.FilesUploadBody(file=reader, purpose="p"))
    assert len(reader.reads) > 2 and max(reader.reads) < len(data)
    parts = form_parts(http_server.last_request)
    assert parts[0] == FormPart("file", "big.bin", "image/png", data)
    assert parts[1] == FormPart("purpose", None, None, b"p")


def test_a_real_file_and_a_shared_form_schema(media: ModuleType, http_server: ScriptedServer, tmp_path: Path) -> None:
    http_server.route("POST", "/documents", Reply.json(STORED, status=201))
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7 ...")
    with media.Client(base_url=http_server.url) as client, path.open("rb") as file:
        client.documents.create(body=media.models.DocumentUpload(content=file, title="Q3"))
    assert form_parts(http_server.last_request) == [
        FormPart("content", "report.pdf", "application/octet-stream", b"%PDF-1.7 ..."),
        FormPart("title", None, None, b"Q3"),
    ]


def test_raw_bytes_and_text_bodies_with_their_content_type(media: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("PUT", "/images/cat", Reply(status=204))
    http_server.route("PUT", "/config", Reply.raw(b"a: 1\n", content_type="text/yml"))
    with media.Client(base_url=http_server.url) as client:
        assert client.images.replace("cat", body=b"\xff\xd8\xff") is None
        image = http_server.last_request
        assert client.config.put(body="a: 1\n") == "a: 1\n"
        config = http_server.last_request
    assert (image.headers["Content-Type"], image.body) == ("image/jpeg", b"\xff\xd8\xff")
    assert (config.headers["Content-Type"], config.body) == ("text/yml; charset=utf-8", b"a: 1\n")
    assert config.headers["Accept"] == "text/yml"


def test_content_type_chooses_among_the_offered_media_types(media: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("POST", "/sessions", Reply.raw(b"v=0 answer", 201, "application/sdp"))
    with media.Client(base_url=http_server.url) as client:
        assert client.sessions.create(body=media.models.Offer(sdp="v=0")) == b"v=0 answer"
        default = http_server.last_request
        client.sessions.create(body=b"v=0 offer", content_type="application/sdp")
        sdp = http_server.last_request
        client.sessions.create(body="hello", content_type="text/plain")
        text = http_server.last_request
        with pytest.raises(ValueError, match="cannot send 'image/gif'"):
            client.sessions.create(body=b"", content_type="image/gif")  # type: ignore[arg-type]
    assert (default.headers["Content-Type"], json.loads(default.body)) == ("application/json", {"sdp": "v=0"})
    assert (sdp.headers["Content-Type"], sdp.body) == ("application/sdp", b"v=0 offer")
    assert (text.headers["Content-Type"], text.body) == ("text/plain; charset=utf-8", b"hello")
    assert default.headers["Accept"] == "application/sdp"


def test_text_and_binary_responses(media: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("GET", "/reports/r1", Reply.raw("a,b\n1,é\n".encode(), content_type="text/csv; charset=utf-8"))
    http_server.route("GET", "/images/cat", Reply.raw(b"\x89PNG\x00\x01", content_type="image/png"))
    with media.Client(base_url=http_server.url) as client:
        assert client.reports.get("r1") == "a,b\n1,é\n"
        assert http_server.last_request.headers["Accept"] == "text/csv"
        assert client.images.get("cat") == b"\x89PNG\x00\x01"
        assert http_server.last_request.headers["Accept"] == "image/png"


def test_the_content_type_argument_is_documented(media: ModuleType) -> None:
    method = media._client.SessionsResource.create
    assert method.__doc__ is not None
    assert "content_type: The media type of `body`: `application/json` (the default)" in method.__doc__
    assert "`text/plain` or `application/sdp`" in method.__doc__


def test_async_multipart_choice_and_responses(media: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("POST", "/files", Reply.json(STORED, status=201))
    http_server.route("POST", "/sessions", Reply.raw(b"answer", 201, "application/sdp"))
    http_server.route("GET", "/reports/r1", Reply.raw(b"a,b\n", content_type="text/csv"))
    http_server.route("GET", "/images/cat", Reply.raw(b"\x89PNG", content_type="image/png"))
    data = b"z" * (200 * 1024)
    reader = ChunkedReader(data, "big.bin")

    async def run() -> tuple[Any, ...]:
        async with media.AsyncClient(base_url=http_server.url) as client:
            await client.files.upload(body=_upload_body(media))
            form = http_server.last_request
            await client.files.upload(body=media.models.FilesUploadBody(file=reader, purpose="p"))
            streamed = http_server.last_request
            answer = await client.sessions.create(body=b"offer", content_type="application/sdp")
            sdp = http_server.last_request
            return form, streamed, answer, sdp, await client.reports.get("r1"), await client.images.get("cat")

    form, streamed, answer, sdp, report, image = asyncio.run(run())
    assert form_parts(form) == EXPECTED_UPLOAD
    assert len(reader.reads) > 2 and form_parts(streamed)[0] == FormPart("file", "big.bin", "image/png", data)
    assert (answer, sdp.headers["Content-Type"], sdp.body) == (b"answer", "application/sdp", b"offer")
    assert (report, image) == ("a,b\n", b"\x89PNG")


def test_a_mapping_is_a_form_too(media: ModuleType) -> None:
    """The runtime's multipart encoder takes a mapping as well (a form without a schema)."""
    base = importlib.import_module("wire_media._base")
    parts = base.multipart_parts({"a": 1, "f": ("x.bin", b"1"), "skip": None, "o": {"k": True}}, {})
    assert parts == [
        ("a", (None, "1", None)),
        ("f", ("x.bin", b"1", "application/octet-stream")),
        ("o", (None, b'{"k":true}', "application/json")),
    ]
