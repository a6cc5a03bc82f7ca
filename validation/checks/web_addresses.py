"""Every web address the package gives a reader is one they may be sent to: http or https, with a host. A
javascript:, data: or file: address in a licence, a contributor, a source or a cell would become a link on the
site or in Datasette that runs a script or opens a local file when clicked. Read: every "url", "homepage" and
"$schema" of the descriptor, every "path" there that names a scheme (a relative path names none), and every cell of
a field whose format is "uri". (The sources' YAML addresses are held to https? by model/source_metadata.schema.json;
resource paths are refused unopened by the loader.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from model.loader import DESCRIPTOR, Table
from model.problems import Code, Problem
from model.text import web_address

from ..check import Check

ADDRESS_KEYS = ("url", "homepage", "$schema")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _addresses(value: object, where: str = "") -> Iterator[tuple[str, str]]:
    """(where, value) for every address of a descriptor, resources' own paths and schemas aside."""
    if isinstance(value, dict):
        for key, item in value.items():
            at = f"{where}/{key}" if where else str(key)
            if isinstance(item, str):
                if key in ADDRESS_KEYS or (key == "path" and SCHEME.match(item)):
                    yield at, item
            elif not re.fullmatch(r"resources/\d+/schema", at):
                yield from _addresses(item, at)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if where == "resources" and isinstance(item, dict):
                item = {k: v for k, v in item.items() if k != "path"}  # a resource's path is the loader's to refuse
            yield from _addresses(item, f"{where}/{index}")


class WebAddresses(Check):
    name = "web_addresses"
    codes = {
        "address-not-web": Code(
            "a web address is not http(s) with a host (a javascript:, data: or file: address, or no address at all), "
            "so a link to it could run a script or open a local file",
            "give the page's http or https address, or leave the value empty where a field allows it",
        ),
    }

    def begin(self) -> None:
        self.uri_fields: dict[str, list[str]] = {}

    def wants(self, table: Table) -> bool:
        self.uri_fields[table.name] = [
            f["name"] for f in table.fields if isinstance(f, dict) and f.get("format") == "uri" and "name" in f
        ]
        return bool(self.uri_fields[table.name])

    def row(self, table: Table, number: int, record: dict[str, str]) -> Iterator[Problem]:
        for name in self.uri_fields[table.name]:
            value = record.get(name, "")
            if value and not web_address(value):
                yield self.problem(
                    "address-not-web", file=table.path, row=number, field=name, message=f"{value[:80]!r} is not http(s)"
                )

    def end(self) -> Iterator[Problem]:
        for where, value in _addresses(self.package.descriptor or {}):
            if not web_address(value):
                yield self.problem(
                    "address-not-web", file=DESCRIPTOR, field=where, message=f"{value[:80]!r} is not http(s)"
                )
