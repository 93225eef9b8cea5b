"""Exchange packages: the demo district and a second district merge into a regional database;
the same package again changes nothing; a later package replaces the district's data; the
region's own roadmaps are never touched; the command line does the same."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.exchange.sample import sample_data, sample_district, sample_signer
from desktop.export.package import pack, package_data, write_package
from desktop.importers.package import read_package
from desktop.models import ChecklistRow, District, Item, Roadmap, School
from desktop.models.database import Database, open_database
from desktop.services.demo import create_demo
from desktop.services.operations import DistrictRows, writing
from desktop.services.region_import import import_package
from tests.conftest import DEMO_TODAY, DEMO_YEAR

T0 = dt.datetime(2026, 6, 1, 10, 0)


def _import(region: Database, path: Path):
    with writing(region, districts=DistrictRows.ALLOW) as s:
        return import_package(s, read_package(path), region.path)


def _counts(region: Database) -> dict[str, int]:
    with region.session() as s:
        return {"districts": s.scalar(select(func.count(District.id))),
                "roadmaps": s.scalar(select(func.count(Roadmap.id))),
                "items": s.scalar(select(func.count(Item.id))),
                "marks": s.scalar(select(func.count(ChecklistRow.id))),
                "schools": s.scalar(select(func.count(School.id)))}


@pytest.fixture
def demo_package(demo_db: Database, tmp_path: Path) -> Path:
    with writing(demo_db) as s:
        return write_package(s, tmp_path / "demo.dkp", now=T0)


def test_demo_package_round_trips_its_data(demo_db: Database, demo_package: Path,
                                           tmp_path: Path) -> None:
    package = read_package(demo_package)
    with demo_db.session() as s:
        original = package_data(s)
    assert package.data == original and package.data["roadmaps"][0]["sections"]
    region = open_database(tmp_path / "region.db")
    try:
        _import(region, demo_package)
        with region.session() as s:
            again = package_data(s)  # the region's own data: none
            assert again == {"schools": [], "roadmaps": []}
            roadmap = s.scalars(select(Roadmap)).one()
            assert roadmap.district_id is not None
            district = s.get(District, roadmap.district_id)
            assert district.uuid == package.district["uuid"]
            items = [i.activity for i in roadmap.all_items()]
            marks = s.scalar(select(func.count(ChecklistRow.id)))
        assert items == [i["activity"] for sec in original["roadmaps"][0]["sections"]
                         for i in sec["items"]]
        assert marks == sum(len(i["marks"]) for sec in original["roadmaps"][0]["sections"]
                            for i in sec["items"])
    finally:
        region.close()


def test_two_districts_merge_reimport_replaces_and_changes_update(
        demo_package: Path, tmp_path: Path) -> None:
    region = open_database(tmp_path / "region.db")
    create_demo(region, year=DEMO_YEAR, today=DEMO_TODAY)  # the region's own roadmap
    try:
        own = _counts(region)
        with region.session() as s:
            own_titles = [r.title for r in s.scalars(select(Roadmap))]
        second = pack(tmp_path / "d2.dkp", sample_district(2), sample_data(2, 30, 5), now=T0,
                      signer=sample_signer(2), sequence=1)
        first = _import(region, demo_package)
        assert first.first and first.new and not first.unchanged
        _import(region, second)
        merged = _counts(region)
        assert merged["districts"] == 2 and merged["roadmaps"] == own["roadmaps"] + 2
        assert merged["items"] == own["items"] * 2 + 30
        assert merged["marks"] == own["marks"] * 2 + 30 * 5

        again = _import(region, demo_package)
        assert again.unchanged and _counts(region) == merged

        changed_data = sample_data(2, 30, 5, done_shift=1)
        changed_data["roadmaps"][0]["sections"][0]["items"].pop()  # one item fewer
        later = pack(tmp_path / "d2b.dkp", sample_district(2), changed_data,
                     now=T0 + dt.timedelta(days=30), signer=sample_signer(2), sequence=2)
        result = _import(region, later)
        assert result.changed == [changed_data["roadmaps"][0]["title"]] and not result.new
        after = _counts(region)
        assert after["items"] == merged["items"] - 1 and after["districts"] == 2
        with region.session() as s:
            district = s.scalar(select(District).where(District.uuid == sample_district(2)["uuid"]))
            assert district.package_created == T0 + dt.timedelta(days=30)
            statuses = {i.activity: i.status.value for r in s.scalars(select(Roadmap).where(
                Roadmap.district_id == district.id)) for i in r.all_items()}
            assert statuses == {i["activity"]: i["status"] for sec in
                                changed_data["roadmaps"][0]["sections"] for i in sec["items"]}
            assert [r.title for r in s.scalars(select(Roadmap).where(
                Roadmap.district_id.is_(None)))] == own_titles

        with pytest.raises(UserError, match="не новее уже импортированного № 2"):
            _import(region, second)  # the earlier package after the later one
        assert _counts(region) == after
    finally:
        region.close()


def test_newer_format_is_refused_with_a_clear_message(demo_package: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(demo_package) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    manifest["format_version"] = 99
    manifest["app_version"] = "9.0"
    members["manifest.json"] = json.dumps(manifest).encode()
    newer = tmp_path / "newer.dkp"
    with zipfile.ZipFile(newer, "w") as zf:
        for name, payload in members.items():
            zf.writestr(name, payload)
    with pytest.raises(UserError, match=r"более новой версией программы.*Обновите"):
        read_package(newer)


def test_cli_export_and_import_package(demo_db_file: Path, tmp_path: Path) -> None:
    env_py = [sys.executable, "-m", "desktop"]
    out = tmp_path / "district.dkp"
    done = subprocess.run([*env_py, "export", "package", "--db", str(demo_db_file), "-o",
                           str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    region = tmp_path / "region.db"
    runs = [subprocess.run([*env_py, "import", str(out), "--db", str(region), "--json"],
                           capture_output=True, text=True, timeout=120) for _ in range(2)]
    first, second = (json.loads(r.stdout) for r in runs)
    assert first["package"] and first["new"] and not first["unchanged"]
    assert second["unchanged"] and second["items"] == first["items"] > 0


def test_evidence_files_travel_with_the_package(demo_db: Database, tmp_path: Path) -> None:
    from desktop.models import CellEvidence, EvidenceFile
    from desktop.services.evidence import store_file

    source = tmp_path / "Протокол.pdf"
    source.write_bytes(b"%PDF-1.4 protocol")
    with writing(demo_db) as s:
        row = s.scalars(select(ChecklistRow).order_by(ChecklistRow.id).limit(1)).one()
        record = store_file(s, demo_db.path, source)
        s.add(CellEvidence(row_id=row.id, title="Протокол", number="5", file_id=record.id))
    with writing(demo_db) as s:
        bare = write_package(s, tmp_path / "bare.dkp", db_path=demo_db.path)
        full = write_package(s, tmp_path / "full.dkp", db_path=demo_db.path, with_evidence=True)
    assert not read_package(bare).evidence
    package = read_package(full)
    (name,) = package.evidence
    assert package.evidence[name] == source.read_bytes() and package.manifest["with_evidence"]
    region_dir = tmp_path / "region"
    region_dir.mkdir()
    region = open_database(region_dir / "region.db")
    try:
        _import(region, full)
        with region.session() as s:
            document = s.scalars(select(CellEvidence)).one()
            stored = s.get(EvidenceFile, document.file_id)
            assert document.title == "Протокол" and document.number == "5"
            assert (region_dir / stored.stored_path).read_bytes() == source.read_bytes()
    finally:
        region.close()


def test_cli_missing_or_hostile_package_is_one_russian_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.dkp"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    for path, message in ((tmp_path / "nope.dkp", "не найден"), (bad, "Пакет отклонён")):
        done = subprocess.run([sys.executable, "-m", "desktop", "import", str(path), "--db",
                               str(tmp_path / "region.db")], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 2 and message in done.stderr
        assert "Traceback" not in done.stderr and not (tmp_path / "region.db").exists()
