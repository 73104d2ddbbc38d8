"""Path, header and cookie parameters go out in the style and explode their spec declares
(OpenAPI's style tables: `simple`, `label`, `matrix`, `form`), arrays and objects included,
checked on the request our HTTP server on 127.0.0.1 receives
(tests/specs_wire/parameter_styles.yaml). Items are escaped, the delimiters the style puts
between them are not."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import TESTS, generate_in_process
from http_server import Reply, ScriptedServer

SPEC = TESTS / "specs_wire" / "parameter_styles.yaml"


@pytest.fixture(scope="module")
def styles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("styles")
    generate_in_process(SPEC, out, "styles")
    return out


@pytest.fixture
def package(styles: Path, import_generated: Callable[[Path, str], ModuleType]) -> ModuleType:
    return import_generated(styles, "styles")


@pytest.fixture
def client(package: ModuleType, http_server: ScriptedServer) -> Iterator[Any]:
    http_server.handler = lambda request: Reply(status=204)
    with package.Client(base_url=http_server.url, max_retries=0) as client:
        yield client


def test_simple_is_the_default_for_paths_and_headers(package: ModuleType, client: Any, http_server: ScriptedServer) -> None:
    point = package.models.Point(x=1, y=2)
    client.simple(5, ["a b", "c,d"], point, x_tags=["t1", "t2"], x_point=point, x_exploded=point)
    (request,) = http_server.requests
    assert request.target == "/simple/5/a%20b,c%2Cd/x=1,y=2"
    assert request.headers["X-Tags"] == "t1,t2"
    assert request.headers["X-Point"] == "x,1,y,2"
    assert request.headers["X-Exploded"] == "x=1,y=2"


def test_label_and_matrix_paths(package: ModuleType, client: Any, http_server: ScriptedServer) -> None:
    point = package.models.Point(x=1, y=2)
    client.label(5, ["a", "b"], ["c", "d"], point)
    client.matrix(5, ["a", "b"], ["c", "d"], point)
    label, matrix = (r.target for r in http_server.requests)
    assert label == "/label/.5/.a,b/.c.d/.x=1.y=2"
    assert matrix == "/matrix/;id=5/;ids=a,b/;exploded=c;exploded=d/;x=1;y=2"


def test_cookies_are_form_style(client: Any, http_server: ScriptedServer) -> None:
    client.cookies(session="s 1", tags=["a", "b;c"], many=["x", "y"])
    client.cookies()
    with_cookies, without = http_server.requests
    assert with_cookies.headers["Cookie"] == "session=s%201; tags=a,b%3Bc; many=x; many=y"
    assert "Cookie" not in without.headers
