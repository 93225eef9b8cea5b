"""A backup as one ``.dkbak`` archive: the database and its evidence files, checked on restore."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.cli import run
from desktop.errors import UserError
from desktop.models import backups
from desktop.models.database import open_database
from desktop.paths import backups_dir
from desktop.services import evidence
from desktop.services.backup import backup_with_report, read_copy, restore
from tests.test_backup import table_dump


def _add_evidence(database, folder: Path, files: dict[str, bytes]) -> dict[str, Path]:
    """Store each file as evidence of the database; returns name -> stored copy."""
    folder.mkdir(parents=True, exist_ok=True)
    stored: dict[str, Path] = {}
    with database.session() as s:
        for name, content in files.items():
            source = folder / name
            source.write_bytes(content)
            record = evidence.store_file(s, database.path, source)
            stored[name] = evidence.file_path(database.path, record)
        s.commit()
    return stored


EVIDENCE = {"приказ № 5.pdf": b"%PDF-1.4 " + bytes(range(256)) * 40,
            "протокол.docx": b"PK\x03\x04" + b"\x00\xff" * 5000,
            "фото.jpg": bytes(reversed(range(256))) * 3}


@pytest.fixture
def district(demo_db, tmp_path: Path):
    """The demo district with three evidence files beside it."""
    stored = _add_evidence(demo_db, tmp_path / "picked", EVIDENCE)
    return demo_db, stored


def _evidence_tree(db_path: Path) -> dict[str, bytes]:
    root = db_path.parent / "evidence"
    return {str(p.relative_to(db_path.parent)): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_archive_round_trip_brings_back_database_and_evidence_byte_for_byte(
        district, tmp_path: Path) -> None:
    database, stored = district
    before_tables = table_dump(database.path)
    before_files = _evidence_tree(database.path)
    assert len(before_files) == 3
    written = backup_with_report(database.path, tmp_path / "stick" / "копия")
    assert written.path == tmp_path / "stick" / "копия.dkbak"
    assert written.evidence_files == 3 and not written.missing
    assert "файлы подтверждений: 3" in written.message()

    with zipfile.ZipFile(written.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
        for name, entry in manifest["members"].items():
            data = zf.read(name)
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["size"]
    assert names == {"manifest.json", "database.db", *before_files}
    assert manifest["schema_revision"] and manifest["program_version"]
    assert manifest["counts"]["evidence_files"] == 3 and manifest["counts"]["items"] > 30

    # the district is lost: the items deleted, the evidence folder gone
    database.close()
    with sqlite3.connect(database.path) as conn:
        conn.execute("DELETE FROM items")
    for path in stored.values():
        path.unlink()

    with read_copy(database.path, written.path) as staged:
        summary = staged.summary
        assert summary.is_archive and summary.evidence_files == 3
        assert summary.items == manifest["counts"]["items"] and summary.roadmaps >= 1
        assert "Файлов подтверждений: 3" in summary.text()
    kept = restore(database.path, written.path)
    assert table_dump(database.path) == before_tables
    assert _evidence_tree(database.path) == before_files  # byte for byte
    # the replaced state was kept as an archive first (its database had no items)
    assert kept is not None and kept.suffix == ".dkbak" and kept.parent == backups_dir(database.path)
    with read_copy(database.path, kept) as staged:
        assert staged.summary.items == 0
    assert not list(database.path.parent.glob(".restore-*"))  # the staging folder is gone


def test_plain_db_copy_of_old_kind_still_restores(demo_db, tmp_path: Path) -> None:
    old_copy = backups.backup_database(demo_db.path, tmp_path / "old" / "copy-2025.db")
    saved = table_dump(old_copy)
    demo_db.close()
    with sqlite3.connect(demo_db.path) as conn:
        conn.execute("DELETE FROM items")
    with read_copy(demo_db.path, old_copy) as staged:
        assert not staged.summary.is_archive and staged.summary.items > 30
        assert "без файлов подтверждений" in staged.summary.text()
    kept = restore(demo_db.path, old_copy)
    assert table_dump(demo_db.path) == saved
    assert kept is not None and kept.name.endswith(".dkbak")


def test_cli_backup_and_restore_take_an_archive(district, tmp_path: Path, capsys) -> None:
    database, _stored = district
    target = tmp_path / "stick" / "копия.dkbak"
    database.close()
    assert run(["backup", "--db", str(database.path), "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert str(target) in out and "файлы подтверждений: 3" in out
    assert run(["restore", "--db", str(database.path), "--check", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Файлов подтверждений: 3" in out and "ничего не изменено" in out
    assert run(["restore", "--db", str(database.path), str(target)]) == 0
    out = capsys.readouterr().out
    assert "восстановлена" in out and "Мероприятий:" in out


def test_plain_db_name_writes_the_database_alone_and_says_so(district, tmp_path: Path) -> None:
    database, _stored = district
    written = backup_with_report(database.path, tmp_path / "copy.db")
    assert written.path.read_bytes().startswith(b"SQLite format 3")
    message = written.message()
    assert "файлы подтверждений (3) в копию .db не входят" in message and ".dkbak" in message


def _corrupt_member(archive: Path, target: Path) -> Path:
    """A copy of ``archive`` whose first evidence file has one byte changed (its CRC fixed
    up by zipfile, so only our checksum can tell)."""
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("evidence/") and not getattr(dst, "_done", False):
                data = bytes([data[0] ^ 0xFF]) + data[1:]
                dst._done = True  # type: ignore[attr-defined]
            dst.writestr(info.filename, data)
    return target


@pytest.mark.parametrize("damage", ["checksum", "truncated", "not_a_zip", "foreign_zip",
                                    "path_out"])
def test_damaged_archive_is_refused_and_nothing_changes(district, tmp_path: Path,
                                                       damage: str) -> None:
    database, _stored = district
    archive = backup_with_report(database.path, tmp_path / "good.dkbak").path
    with database.session() as s:
        s.execute(text("DELETE FROM items WHERE id = (SELECT max(id) FROM items)"))
        s.commit()
    bad = tmp_path / "bad.dkbak"
    if damage == "checksum":
        _corrupt_member(archive, bad)
    elif damage == "truncated":
        bad.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    elif damage == "not_a_zip":
        bad.write_bytes("Это не копия, а письмо.".encode() * 100)
    elif damage == "foreign_zip":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("word/document.xml", "<w/>")
    else:
        with zipfile.ZipFile(archive) as src, zipfile.ZipFile(bad, "w") as dst:
            manifest = json.loads(src.read("manifest.json"))
            for info in src.infolist():
                if info.filename != "manifest.json":
                    dst.writestr(info.filename, src.read(info))
            dst.writestr("../../escape.txt", b"x")
            manifest["members"]["../../escape.txt"] = {"size": 1, "sha256": "0" * 64}
            dst.writestr("manifest.json", json.dumps(manifest))
    before_tables = table_dump(database.path)
    before_files = _evidence_tree(database.path)
    before_backups = sorted(backups_dir(database.path).glob("*")) \
        if backups_dir(database.path).exists() else []
    database.close()
    with pytest.raises(UserError) as caught:
        restore(database.path, bad)
    message = caught.value.message
    assert ("повреждена" in message or "не является резервной копией" in message), message
    assert "ничего не изменено" in message.lower()
    words = [w for w in message.split() if not any(c in w for c in "/\\.")]  # no paths
    assert not any("a" <= ch.lower() <= "z" for w in words for ch in w), message  # Russian
    assert table_dump(database.path) == before_tables
    assert _evidence_tree(database.path) == before_files
    assert not (tmp_path / "escape.txt").exists() and not (tmp_path.parent / "escape.txt").exists()
    after_backups = sorted(backups_dir(database.path).glob("*")) \
        if backups_dir(database.path).exists() else []
    assert after_backups == before_backups
    assert not list(database.path.parent.glob(".restore-*"))
    # the command line says the same in one Russian line, exit code 2
    assert run(["restore", "--db", str(database.path), str(bad)]) == 2


def test_failed_database_step_takes_the_evidence_back(district, tmp_path: Path,
                                                      monkeypatch) -> None:
    """The evidence files are added first; if the database cannot be replaced, they are
    removed again: nothing is half-replaced."""
    database, stored = district
    archive = backup_with_report(database.path, tmp_path / "good.dkbak").path
    for path in stored.values():
        path.unlink()
    before_tables = table_dump(database.path)
    database.close()

    def locked(*_a, **_k):
        raise backups.DatabaseLocked(database.path)

    monkeypatch.setattr("desktop.services.backup.restore_copy", locked)
    with pytest.raises(UserError, match="занята другой программой"):
        restore(database.path, archive)
    assert _evidence_tree(database.path) == {}
    assert table_dump(database.path) == before_tables


def test_archives_are_listed_among_the_copies(district, tmp_path: Path) -> None:
    database, _stored = district
    kept = backup_with_report(database.path,
                              backups_dir(database.path) / "roadmaps-before-restore-x.dkbak").path
    listed = {c.path: c for c in backups.list_copies(database.path)}
    assert listed[kept].sound and listed[kept].items and listed[kept].items > 30


def test_a_server_database_is_not_restored_from_an_archive(tmp_path: Path, capsys) -> None:
    archive = tmp_path / "x.dkbak"
    archive.write_bytes(b"PK\x03\x04")
    code = run(["restore", "--db", "postgresql+psycopg://u@localhost/db", str(archive)])
    assert code == 2 and "администратор сервера" in capsys.readouterr().err


def test_open_database_after_archive_restore(district, tmp_path: Path) -> None:
    database, _stored = district
    archive = backup_with_report(database.path, tmp_path / "c.dkbak").path
    database.close()
    restore(database.path, archive)
    reopened = open_database(database.path, create=False)
    with reopened.session() as s:
        assert s.execute(text("SELECT count(*) FROM evidence_files")).scalar() == 3
    reopened.close()


def test_plain_copy_says_which_evidence_files_it_relies_on(district, tmp_path: Path) -> None:
    """A plain .db holds no files: the summary says how many it refers to and how many of
    them are still beside the database it would replace."""
    database, stored = district
    plain = backup_with_report(database.path, tmp_path / "old.db").path
    next(iter(stored.values())).unlink()
    with read_copy(database.path, plain) as staged:
        summary = staged.summary
    assert (summary.evidence_referenced, summary.evidence_beside) == (3, 2)
    assert "записано файлов подтверждений: 3" in summary.text()
    assert "из них есть 2" in summary.text()


def test_a_cancelled_archive_leaves_no_file(district, tmp_path: Path) -> None:
    from desktop.services.backup_archive import BackupCancelled

    database, _stored = district
    target = tmp_path / "stick" / "копия.dkbak"
    calls: list[int] = []

    def stop_at_second(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 2

    with pytest.raises(BackupCancelled):
        backup_with_report(database.path, target, progress=stop_at_second)
    assert not target.exists() and not list(target.parent.iterdir())
