"""Builders of small test Word documents, written as raw WordprocessingML so that each shape
the import must understand (vMerge, gridSpan, gridBefore, content controls, tracked changes,
automatic numbering, split tables, hyphenated continuation rows …) is exactly what it says.

Also: ``roadmap_snapshot`` (what a round trip must keep) and ``hostile_files`` (the bad inputs).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""
#: one decimal list «1.», «1.1.», «1.1.1.»
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(text: str = "", *, num: tuple[int, int] | None = None, raw: str = "") -> str:
    """A paragraph; ``num`` = (numId, ilvl) for automatic numbering; ``raw`` inner XML."""
    ppr = ""
    if num is not None:
        ppr = (f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/>'
               "</w:numPr></w:pPr>")
    return f"<w:p>{ppr}{raw or (run(text) if text else '')}</w:p>"


def tc(content: str = "", *, span: int = 1, vmerge: str | None = None, raw: bool = False) -> str:
    """A cell: text (or raw paragraphs), ``span`` grid columns, vMerge "restart"/"continue"."""
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    body = content if raw else "".join(p(line) for line in content.split("\n"))
    return f"<w:tc>{'<w:tcPr>' + props + '</w:tcPr>' if props else ''}{body or p()}</w:tc>"


def tr(*cells: str, header: bool = False, grid_before: int = 0, deleted: bool = False) -> str:
    props = ""
    if grid_before:
        props += f'<w:gridBefore w:val="{grid_before}"/>'
    if header:
        props += "<w:tblHeader/>"
    if deleted:
        props += '<w:del w:id="90" w:author="x" w:date="2024-01-01T00:00:00Z"/>'
    return f"<w:tr>{'<w:trPr>' + props + '</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def row(*texts: str, header: bool = False) -> str:
    return tr(*(tc(t) for t in texts), header=header)


def tbl(*rows: str, width: int = 4) -> str:
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(width))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


#: a paragraph style «Нумерованный» whose paragraphs take list 1 (numbering by style)
NUMBERED_STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="Num">'
                   '<w:name w:val="Нумерованный"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
                   "</w:pPr></w:style></w:styles>")


def write_docx(path: Path, *body: str, numbering: bool = False, styles: str = "") -> Path:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", document)
        if numbering:
            zf.writestr("word/_rels/document.xml.rels", DOC_RELS)
            zf.writestr("word/numbering.xml", NUMBERING)
        if styles:
            zf.writestr("word/styles.xml", styles)
    return path


HEADER4 = ("№ п/п", "Мероприятие", "Сроки реализации", "Ответственные исполнители")


def generated_rows(count: int) -> list[str]:
    """``count`` item rows in sections of 50 (for the benchmark and the large test)."""
    rows = []
    for i in range(count):
        section, number = divmod(i, 50)
        if number == 0:
            rows.append(tr(tc(f"{section + 1}. Раздел номер {section + 1}", span=4)))
        rows.append(row(f"{section + 1}.{number + 1}",
                        f"Мероприятие {i + 1}: проведение семинара для руководителей школ",
                        f"{(i % 28) + 1:02d}.{(i % 12) + 1:02d}.2026", "РОО, ИМЦ"))
    return rows


def large_docx(path: Path, count: int = 2000) -> Path:
    return write_docx(path, p("Дорожная карта на 2026 год"),
                      tbl(row(*HEADER4), *generated_rows(count)))


# -- round trips ---------------------------------------------------------------------------

def roadmap_snapshot(session, roadmap_id: int, fields=None) -> dict:
    """What a round trip must keep: sections and items in order with numbers, depth,
    parsed deadlines and the text of every field the export shows (``fields``; by default
    the roadmap's column profile)."""
    from desktop.models import Roadmap
    from desktop.services.table import item_texts

    roadmap = session.get(Roadmap, roadmap_id)
    fields = fields or [c.field for c in roadmap.columns]
    return {
        "sections": [(s.number.strip().rstrip("."), s.title, s.tasks, s.indicators)
                     for s in roadmap.sections if not s.untitled],
        "items": [(i.number, i.depth, i.deadline_kind, i.deadline_start, i.deadline_end,
                   *(item_texts(i)[f] for f in fields)) for i in roadmap.all_items()],
    }


def assert_round_trip(database, roadmap_id: int, exported: Path) -> int:
    """Import ``exported`` (an .xlsx or, once the paper issue lands, a .docx written by the
    app's own exporter) and check it equals roadmap ``roadmap_id``; returns the new id.
    The Word export's test calls this with its file."""
    from desktop.importers import read_file
    from desktop.importers.writer import write_preview
    from desktop.models import Roadmap

    preview = read_file(exported)
    with database.session() as session:
        new_id = write_preview(session, preview).id
    with database.session() as session:
        before = roadmap_snapshot(session, roadmap_id)
        fields = [c.field for c in session.get(Roadmap, roadmap_id).columns]
        after = roadmap_snapshot(session, new_id, fields)
    assert after["sections"] == before["sections"]
    assert len(after["items"]) == len(before["items"])
    for old, new in zip(before["items"], after["items"], strict=True):
        assert new == old
    return new_id


# -- hostile input -------------------------------------------------------------------------

def hostile_files(folder: Path) -> dict[str, Path]:
    """Each bad input of the issue's point 10, built on disk."""
    files: dict[str, Path] = {}
    text = folder / "notes.docx"
    text.write_text("это не документ Word, а просто текст", encoding="utf-8")
    files["not_office"] = text
    ole = folder / "protected.docx"
    # an OLE compound file header with the stream names of an encrypted OOXML package
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                    + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100
                    + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 400)
    files["password"] = ole
    good = write_docx(folder / "good.docx", p("Дорожная карта"), tbl(row(*HEADER4),
                                                                      row("1", "А", "2026", "РОО")))
    truncated = folder / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    files["truncated"] = truncated
    corrupt = folder / "corrupt.docx"
    data = bytearray(good.read_bytes())
    for k in range(60, min(len(data) - 30, 400)):
        data[k] ^= 0x5A
    corrupt.write_bytes(bytes(data))
    files["corrupt"] = corrupt
    docm = folder / "macros.docm"
    with zipfile.ZipFile(docm, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES.replace(
            "document.main+xml", "document.macroEnabled.main+xml"))
        zf.writestr("word/document.xml", zipfile.ZipFile(good).read("word/document.xml"))
        zf.writestr("word/vbaProject.bin", b"\x00" * 64)
    files["docm"] = docm
    files["no_table"] = write_docx(folder / "letter.docx", p("Уважаемые коллеги!"),
                                   p("Просим представить отчёт до 15 марта."),
                                   tbl(row("Школа", "Телефон"), row("СОШ № 1", "2-11-11"), width=2))
    bomb_xml = folder / "xmlbomb.docx"
    entity = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>'
              "</w:body></w:document>")
    with zipfile.ZipFile(bomb_xml, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", entity)
    files["xml_bomb"] = bomb_xml
    zip_bomb = folder / "zipbomb.docx"
    with zipfile.ZipFile(zip_bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", b"<" + b" " * (70 * 1024 * 1024) + b">")
    files["zip_bomb"] = zip_bomb
    files["zip_bomb_lying"] = _lying_bomb(folder / "lying.docx")
    return files


def _lying_bomb(path: Path) -> Path:
    """A zip whose headers declare a small size while the member inflates to 70 MB."""
    import struct
    import zlib

    raw = b" " * (70 * 1024 * 1024)
    compressed = zlib.compress(raw, 9)[2:-4]
    crc = zlib.crc32(raw)
    name = b"word/document.xml"
    small = 1000
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc,
                        len(compressed), small, len(name), 0) + name
    central = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc,
                          len(compressed), small, len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central),
                      len(local) + len(compressed), 0)
    path.write_bytes(local + compressed + central + end)
    return path
