"""Evidence records do not trust their stored path: it must follow the hash-named layout
inside ``evidence/`` on every read and write, and a link cannot lead a copy out of it. Names
from files are shown with bidirectional and control characters made visible."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.models import EvidenceFile
from desktop.services import evidence
from desktop.visible import visible


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_planted_path_is_never_followed_on_write(db, tmp_path: Path) -> None:
    """«../../x.txt» stored for this content: attaching the same content writes inside
    evidence/ and repairs the record; nothing appears outside the data folder."""
    data = "протокол совещания".encode()
    outside = db.path.parent.parent / "x.txt"
    with db.session() as s:
        s.add(EvidenceFile(sha256=_digest(data), original_name="протокол.txt",
                           stored_path="../../x.txt", size=len(data)))
    source = tmp_path / "протокол.txt"
    source.write_bytes(data)
    with db.session() as s:
        record = evidence.store_file(s, db.path, source)
        assert record.stored_path == f"evidence/{_digest(data)[:2]}/{_digest(data)}.txt"
        stored = evidence.file_path(db.path, record)
    assert not outside.exists()
    assert stored.read_bytes() == data
    assert stored.resolve().is_relative_to(evidence.evidence_dir(db.path).resolve())


@pytest.mark.parametrize("planted", ["../../x.txt", "/etc/passwd", "evidence/../../x.txt",
                                     "evidence/00/" + "0" * 64 + ".pdf"])
def test_a_planted_path_is_refused_on_read(db, planted: str) -> None:
    with db.session() as s:
        record = EvidenceFile(sha256="a" * 64, original_name="акт.pdf", stored_path=planted)
        s.add(record)
        s.flush()
        file_id = record.id
    with db.session() as s, pytest.raises(UserError, match="повреждена"):
        evidence.open_path(s, db.path, file_id)


def test_a_link_cannot_lead_a_copy_out_of_evidence(db, tmp_path: Path) -> None:
    data = b"%PDF-1.4 minutes"
    digest = _digest(data)
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"not yours")
    link = evidence.evidence_dir(db.path) / digest[:2] / f"{digest}.pdf"
    link.parent.mkdir(parents=True)
    os.symlink(secret, link)
    source = tmp_path / "minutes.pdf"
    source.write_bytes(data)
    with db.session() as s, pytest.raises(UserError, match="за пределы папки данных"):
        evidence.store_file(s, db.path, source)
    assert secret.read_bytes() == b"not yours"


def test_disguising_characters_are_shown() -> None:
    assert visible("приказ\u202eftd.exe") == "приказ⟨U+202E⟩ftd.exe"
    assert visible("a\x00b\x1bc\u2066d\u200fe") == "a⟨U+0000⟩b⟨U+001B⟩c⟨U+2066⟩d⟨U+200F⟩e"
    assert visible("строка\nвторая\tтаб") == "строка\nвторая\tтаб"
    assert UserError("Файл «x\u202etxt.exe» не найден").message == \
        "Файл «x⟨U+202E⟩txt.exe» не найден"


def test_stored_names_in_the_checklist_are_shown_visible(db, tmp_path: Path) -> None:
    source = tmp_path / "акт\u202efdp.exe"
    source.write_bytes(b"MZ")
    with db.session() as s:
        record = evidence.store_file(s, db.path, source)
        assert record.original_name == source.name  # kept as it was
    assert visible(record.original_name) == "акт⟨U+202E⟩fdp.exe"
