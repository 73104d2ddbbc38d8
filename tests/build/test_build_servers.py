"""build/servers.py on IR values: server names, URLs with variables at their defaults."""

from __future__ import annotations

from typing import Any

from buildkit import build_api, document

from generator.ir import Api, Server


def api_with(servers: list[Any] | None) -> Api:
    top = {} if servers is None else {"servers": servers}
    return build_api(document({"/h": {"get": {"operationId": "h", "responses": {"204": {"description": "x"}}}}}, **top))


def test_no_server_is_a_default_with_no_url() -> None:
    api = api_with(None)
    assert api.servers == (Server("default", "", "No server is declared: pass base_url."),)
    assert api.default_server == "default"
    assert api_with([]).servers == api.servers


def test_variables_are_substituted_with_their_defaults_and_the_trailing_slash_removed() -> None:
    server = {
        "url": "https://{region}.example.com:{port}/v{version}/",
        "variables": {"region": {"default": "eu"}, "port": {"default": "8443"}, "version": {"default": 2}},
    }
    (found,) = api_with([server]).servers
    assert found.url == "https://eu.example.com:8443/v2"


def test_server_names_from_extensions_descriptions_or_position() -> None:
    servers = [
        {"url": "https://api.example.com/", "description": "Production environment"},
        {"url": "https://sandbox.example.com", "x-speakeasy-server-id": "sandbox"},
        {"url": "https://local", "x-server-name": "Local Dev"},
        {"url": "https://fourth"},
    ]
    api = api_with(servers)
    assert [(s.name, s.url) for s in api.servers] == [
        ("production", "https://api.example.com"),
        ("sandbox", "https://sandbox.example.com"),
        ("local_dev", "https://local"),
        ("server4", "https://fourth"),
    ]
    assert api.default_server == "production"
    assert api.servers[0].description == "Production environment"


def test_the_first_unnamed_server_is_the_default_and_repeated_names_are_numbered() -> None:
    servers = [
        {"url": "https://a"},
        {"url": "https://b", "description": "Sandbox one"},
        {"url": "https://c", "description": "Sandbox two"},
        "not a server",
    ]
    assert [s.name for s in api_with(servers).servers] == ["default", "sandbox", "sandbox_2"]
