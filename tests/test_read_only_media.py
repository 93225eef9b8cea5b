"""A sound database on read-only media (a CD, a write-protected stick, a read-only share) opens
read-only and says so, instead of being reported as damaged («unable to open database file»:
SQLite could not create its ``-shm`` there). The media is a real read-only mount (tmpfs,
remounted read-only), which needs root: `make test` runs as root; elsewhere the test says why
it cannot run."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.paths import on_read_only_media, read_only_query
from tests.desktop_process import run_desktop


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[tuple[Path, callable]]:
    """A folder to fill, then ``seal()`` it: remounted read-only."""
    if os.geteuid() != 0:
        pytest.skip("нужен root, чтобы смонтировать носитель только для чтения (make test — root)")
    mount = tmp_path / "media"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:  # a container without the right to mount: said, not hidden
        pytest.skip(f"не удалось смонтировать носитель: {mounted.stderr.strip()}")

    def seal() -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)

    try:
        yield mount, seal
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_sound_database_on_read_only_media_opens_read_only(demo_db_file: Path, tmp_path: Path,
                                                           read_only_mount) -> None:
    mount, seal = read_only_mount
    db = mount / "Район.db"
    shutil.copyfile(demo_db_file, db)
    seal()
    assert on_read_only_media(db) and read_only_query(db)["immutable"] == "1"
    listing = run_desktop("list", "--db", str(db), cwd=tmp_path, data=tmp_path / "data")
    assert listing.returncode == 0, listing.stderr
    assert "мероприятий: 39" in listing.stdout
    assert "только для чтения" in listing.stderr and "повреждена" not in listing.stderr
    table = tmp_path / "Карта.xlsx"
    export = run_desktop("export", "xlsx", "--db", str(db), "--roadmap", "1", "-o", str(table),
                      cwd=tmp_path, data=tmp_path / "data")
    assert export.returncode == 0 and table.stat().st_size > 5000, export.stderr
    shot = run_desktop("--db", str(db), "--screenshot", str(tmp_path / "shot.png"),
                       cwd=tmp_path, data=tmp_path / "data")
    assert shot.returncode == 0, shot.stderr
    assert sorted(p.name for p in mount.iterdir()) == ["Район.db"]  # nothing written there


def test_unread_journal_on_read_only_media_is_named(demo_db_file: Path, tmp_path: Path,
                                                    read_only_mount) -> None:
    """Copied while another program had changes in its -wal journal: the copy opens, and the
    user hears that those changes are not seen."""
    mount, seal = read_only_mount
    source = tmp_path / "live.db"
    shutil.copyfile(demo_db_file, source)
    writer = sqlite3.connect(source, isolation_level=None)
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE schools SET director = director || ' '")
        wal = source.with_name("live.db-wal")
        assert wal.stat().st_size > 0
        shutil.copyfile(source, mount / "live.db")
        shutil.copyfile(wal, mount / "live.db-wal")
    finally:
        writer.close()
    seal()
    listing = run_desktop("list", "--db", str(mount / "live.db"), cwd=tmp_path,
                          data=tmp_path / "data")
    assert listing.returncode == 0, listing.stderr
    assert "журнала live.db-wal не видны" in listing.stderr


def test_writable_folder_is_no_read_only_media(tmp_path: Path) -> None:
    assert not on_read_only_media(tmp_path / "x.db")
    assert read_only_query(tmp_path / "x.db") == {"mode": "ro"}
