"""Fuzz the importers: hypothesis-mutated .docx and .xlsx files (bounded).

Each mutation damages the main XML part of a good file (cuts, repeats, stray
bytes) or the zip bytes themselves. Whatever comes in, the importer returns a
preview or refuses with a Russian :class:`UserError`; a preview it returns is
written in one transaction without a crash.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import desktop.importers as importers
from desktop.errors import UserError
from desktop.importers import writer
from desktop.models.database import Database, open_database

EXAMPLES = 15
CYRILLIC = re.compile(r"[А-Яа-яЁё]{3,}")
PARTS = {"docx": ("word/document.xml",),
         "xlsx": ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml")}

#: one edit of a byte string: (where, as a fraction of the length; what; payload)
edits = st.lists(st.tuples(
    st.floats(0, 1), st.sampled_from(["cut", "repeat", "insert", "flip"]),
    st.binary(min_size=1, max_size=12) | st.sampled_from(
        [b"<", b">", b"</w:tc>", b"<w:tr>", b'<c r="ZZ99" t="s"><v>99999</v></c>', b"&amp;",
         b"\xd0", b"\x00", "Срок".encode(), b"<!DOCTYPE x>"])), min_size=1, max_size=4)


def mutate(data: bytes, changes: list[tuple[float, str, bytes]]) -> bytes:
    for where, how, payload in changes:
        at = int(where * len(data))
        if how == "cut":
            data = data[:at] + data[at + 1 + len(payload) * 8:]
        elif how == "repeat":
            data = data[:at] + data[at:at + 200] * 2 + data[at + 200:]
        elif how == "insert":
            data = data[:at] + payload + data[at:]
        elif data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ (payload[0] or 1)]) + data[at + 1:]
    return data


#: well-formed edits of the content: (which match, as a fraction; what; new text)
content_edits = st.lists(st.tuples(
    st.floats(0, 1), st.sampled_from(["text", "drop-row", "repeat-row", "drop-cell"]),
    st.text(max_size=30) | st.sampled_from(["31.02.2026", "2.1.1.1.1", "", "=1+1", "до 99.99",
                                            "Срок исполнения", "№ п/п", "9" * 40])),
    min_size=1, max_size=5)
#: (text nodes, rows, cells) of each format's main part
SHAPES = {
    "docx": (r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)", r"<w:tr[ >].*?</w:tr>", r"<w:tc>.*?</w:tc>"),
    "xlsx": (r"(<t(?: [^>]*)?>)([^<]*)(</t>)", r"<row[ >].*?</row>", r"<c [^>]*>.*?</c>"),
}


def edit_content(xml: str, kind: str, changes: list[tuple[float, str, str]]) -> str:
    texts, rows, cells = SHAPES[kind]
    for where, how, new in changes:
        pattern = {"text": texts, "drop-row": rows, "repeat-row": rows, "drop-cell": cells}[how]
        found = list(re.finditer(pattern, xml, flags=re.S))
        if not found:
            continue
        m = found[min(int(where * len(found)), len(found) - 1)]
        if how == "text":
            replacement = m.group(1) + escape(_xml_chars(new)) + m.group(3)
        elif how == "repeat-row":
            replacement = m.group(0) * 2
        else:
            replacement = ""
        xml = xml[:m.start()] + replacement + xml[m.end():]
    return xml


def _xml_chars(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff")
                   or ("\ue000" <= c <= "\ufffd"))


def rezip(source: bytes, parts: tuple[str, ...], change: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, change(data) if info.filename in parts else data)
    return out.getvalue()


@pytest.fixture(scope="module")
def good_files(tmp_path_factory: pytest.TempPathFactory, demo_db_file: Path) -> dict[str, bytes]:
    from desktop.export.xlsx import export_roadmap_xlsx
    from tests.import_docs import large_docx

    folder = tmp_path_factory.mktemp("fuzz")
    database = open_database(demo_db_file, create=False)
    try:
        with database.session() as session:
            export_roadmap_xlsx(session, 1, folder / "good.xlsx")
    finally:
        database.close()
    return {"docx": large_docx(folder / "good.docx", count=40).read_bytes(),
            "xlsx": (folder / "good.xlsx").read_bytes()}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = open_database(tmp_path_factory.mktemp("fuzzdb") / "fuzz.db")
    yield database
    database.close()


def check_import(path: Path, database: Database) -> str:
    """Import ``path``: 'preview' or 'refused'; anything else fails the test."""
    try:
        preview = importers.read_file(path)
    except UserError as exc:
        assert CYRILLIC.search(exc.message), exc.message
        return "refused"
    with database.session() as session:
        writer.write_import(session, preview)
        session.rollback()  # the scratch database stays empty
    return "preview"


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
@pytest.mark.parametrize("layer", ["content", "bytes", "zip"])
def test_mutated_files_are_imported_or_refused(good_files: dict[str, bytes], scratch: Database,
                                               tmp_path: Path, kind: str, layer: str) -> None:
    """``content``: well-formed XML with changed texts, rows and cells; ``bytes``: the XML
    itself broken; ``zip``: the file's bytes."""
    outcomes: list[str] = []
    target = tmp_path / f"fuzzed.{kind}"
    source = good_files[kind]

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(changes=content_edits if layer == "content" else edits)
    def run(changes: list) -> None:
        if layer == "content":
            data = rezip(source, PARTS[kind], lambda xml: edit_content(
                xml.decode("utf-8"), kind, changes).encode("utf-8"))
        elif layer == "bytes":
            data = rezip(source, PARTS[kind][:1], lambda xml: mutate(xml, changes))
        else:
            data = mutate(source, changes)
        target.write_bytes(data)
        outcomes.append(check_import(target, scratch))

    run()
    assert len(outcomes) >= EXAMPLES // 2
    if layer == "content":  # most well-formed variants still import
        assert outcomes.count("preview") > len(outcomes) // 2, outcomes
    print(f"{kind}/{layer}: {len(outcomes)} cases, {outcomes.count('refused')} refused")
