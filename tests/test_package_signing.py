"""Signed exchange packages between two districts and a region, through the real export and
import (and the command line): the genuine package is taken and its key recorded; a package
forged under the same district UUID with another key, a tampered one, a replayed one and an
unsigned one once a key is on record are refused; a key change is refused until confirmed
(command line and window); a district clock a year ahead, or behind, neither blocks nor
reorders. Every assertion reads the region's database back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.errors import UserError
from desktop.exchange import signing
from desktop.exchange.sample import sample_data, sample_district, sample_signer
from desktop.export.package import pack, signing_identity, write_package
from desktop.importers.package import read_package
from desktop.models import Authority, District, School, SigningIdentity
from desktop.models.database import Database, open_database
from desktop.services.backup import backup_to
from desktop.services.operations import DistrictRows, writing
from desktop.services.package_sender import KeyChangeRefused
from desktop.services.region_import import import_package, preview

pytestmark = pytest.mark.both_backends  # the region's database: SQLite, and PostgreSQL too

NOW = dt.datetime.now().replace(microsecond=0)
YEAR = dt.timedelta(days=365)


@dataclass
class DistrictPC:
    """A district's own database (a file), with one school whose note says which export."""

    path: Path
    name: str
    uuid: str

    @classmethod
    def make(cls, path: Path, name: str, uuid: str | None = None) -> DistrictPC:
        database = open_database(path)
        try:
            with writing(database) as s:
                authority = Authority(full_name=f"Управление образования {name}",
                                      short_name=f"УО {name}", region="Красноярский край")
                if uuid:
                    authority.uuid = uuid
                s.add(authority)
                s.add(School(full_name=f"МБОУ СОШ № 1 {name}", short_name="СОШ № 1",
                             note="до выгрузки"))
                s.flush()
                uuid = authority.uuid
        finally:
            database.close()
        return cls(path, f"УО {name}", uuid)

    def export(self, target: Path, note: str, now: dt.datetime = NOW) -> Path:
        """The district edits its school and exports, its clock reading ``now``."""
        database = open_database(self.path, create=False)
        try:
            with writing(database) as s:
                s.scalars(select(School)).one().note = note
            with writing(database) as s:
                return write_package(s, target, db_path=database.path, now=now)
        finally:
            database.close()

    def identity(self) -> tuple[str, int]:
        database = open_database(self.path, create=False)
        try:
            with database.session() as s:
                identity = s.scalars(select(SigningIdentity)).one()
                return identity.public_key, identity.package_sequence
        finally:
            database.close()


def _import(region: Database, path: Path, **kwargs):
    with writing(region, districts=DistrictRows.ALLOW) as s:
        return import_package(s, read_package(path), region.path, **kwargs)


def _state(region: Database, uuid: str) -> tuple | None:
    """The region's record of the district: its school's note, key and package number."""
    with region.session() as s:
        district = s.scalar(select(District).where(District.uuid == uuid))
        if district is None:
            return None
        notes = s.scalars(select(School.note).where(School.district_id == district.id)).all()
        return (list(notes), district.public_key, district.package_sequence,
                district.package_created)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def two(tmp_path: Path) -> tuple[DistrictPC, DistrictPC]:
    return (DistrictPC.make(tmp_path / "a.db", "Северного района"),
            DistrictPC.make(tmp_path / "b.db", "Южного района"))


def test_genuine_packages_of_two_districts_are_signed_numbered_and_key_recorded(
        db: Database, two, tmp_path: Path) -> None:
    a, b = two
    first = a.export(tmp_path / "a1.dkp", "первая")
    key_a, number = a.identity()
    assert number == 1 and signing.is_public_key(key_a)
    with zipfile.ZipFile(first) as zf:
        assert zf.namelist()[:2] == ["manifest.json", "manifest.sig"]
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format_version"] == 2 and manifest["sequence"] == 1
    assert manifest["public_key"] == key_a
    result = _import(db, first)
    assert result.key_recorded and result.fingerprint == signing.fingerprint(key_a)
    assert any("Ключ подписи района записан" in line for line in result.lines())
    assert _state(db, a.uuid)[:3] == (["первая"], key_a, 1)

    _import(db, b.export(tmp_path / "b1.dkp", "юг"))
    key_b, _ = b.identity()
    assert key_b != key_a and _state(db, b.uuid)[:3] == (["юг"], key_b, 1)

    second = a.export(tmp_path / "a2.dkp", "вторая")
    assert a.identity() == (key_a, 2)  # the same key, the next number
    _import(db, second)
    assert _state(db, a.uuid)[:3] == (["вторая"], key_a, 2)
    again = _import(db, second)  # the same package again changes nothing
    assert again.unchanged and _state(db, a.uuid)[:3] == (["вторая"], key_a, 2)


def test_forged_tampered_and_unsigned_packages_are_refused(db: Database, two,
                                                           tmp_path: Path) -> None:
    a, _b = two
    _import(db, a.export(tmp_path / "a1.dkp", "подлинная"))
    before = _state(db, a.uuid)

    # someone else's installation under the district's UUID: its own key
    forger = DistrictPC.make(tmp_path / "forger.db", "Северного района", uuid=a.uuid)
    forged = forger.export(tmp_path / "forged.dkp", "подделка", now=NOW + YEAR)
    assert read_package(forged).sequence == 1
    with db.session() as s:  # the preview names both keys
        shown = preview(s, read_package(forged))
    assert shown.key_changed and shown.old_fingerprint == signing.fingerprint(a.identity()[0])
    with pytest.raises(KeyChangeRefused, match=rf"другим ключом: прежний ключ "
                                               rf"{shown.old_fingerprint}, в пакете "
                                               rf"{shown.fingerprint}.*--accept-new-key"):
        _import(db, forged)
    assert _state(db, a.uuid) == before

    # the attack: the genuine package with a date in 2027 and checksums recomputed
    tampered = _rewrite(a.export(tmp_path / "a2.dkp", "подлинная 2"), tmp_path / "t.dkp",
                        created="2027-01-01T00:00:00")
    with pytest.raises(UserError, match="подпись не совпадает"):
        read_package(tampered)
    assert _state(db, a.uuid) == before

    # an unsigned (format 1) package once the district has a key on record
    unsigned = _rewrite(tmp_path / "a2.dkp", tmp_path / "v1.dkp", unsigned=True)
    with pytest.raises(UserError, match=r"не подписан, а пакеты этого района подписаны ключом"):
        _import(db, unsigned)
    assert _state(db, a.uuid) == before
    _import(db, tmp_path / "a2.dkp")  # the genuine one still goes in
    assert _state(db, a.uuid)[:3] == (["подлинная 2"], a.identity()[0], 2)


def test_replayed_package_is_refused_by_its_number(db: Database, two, tmp_path: Path) -> None:
    a, _b = two
    old = a.export(tmp_path / "a1.dkp", "старая")
    new = a.export(tmp_path / "a2.dkp", "новая", now=NOW - dt.timedelta(days=3))
    _import(db, new)  # number 2, though dated earlier than number 1
    before = _state(db, a.uuid)
    with pytest.raises(UserError, match=r"№ 1 .*не новее уже импортированного № 2: это повтор "
                                        r"старого пакета"):
        _import(db, old)
    assert _state(db, a.uuid) == before == (["новая"], a.identity()[0], 2, before[3])
    # an equal number with other data (made with the same key) is refused as well
    same_number = pack(tmp_path / "eq.dkp", sample_district(9), sample_data(9, 5, 2),
                       signer=sample_signer(9), sequence=4)
    _import(db, same_number)
    other = pack(tmp_path / "eq2.dkp", sample_district(9), sample_data(9, 6, 2),
                 signer=sample_signer(9), sequence=4)
    with pytest.raises(UserError, match="не новее уже импортированного № 4"):
        _import(db, other)
    assert _state(db, sample_district(9)["uuid"])[2] == 4


def test_district_clock_a_year_ahead_then_normal_and_behind_never_blocks(
        db: Database, two, tmp_path: Path) -> None:
    a, _b = two
    ahead = a.export(tmp_path / "ahead.dkp", "часы спешат на год", now=NOW + YEAR)
    result = _import(db, ahead)
    assert any("позже часов этого компьютера больше чем на сутки" in line
               for line in result.lines())
    assert _state(db, a.uuid)[0] == ["часы спешат на год"]

    normal = _import(db, a.export(tmp_path / "normal.dkp", "часы исправлены"))
    assert not any("позже часов" in line for line in normal.lines())
    assert _state(db, a.uuid)[:3] == (["часы исправлены"], a.identity()[0], 2)
    assert _state(db, a.uuid)[3] == NOW

    _import(db, a.export(tmp_path / "behind.dkp", "часы отстают", now=NOW - YEAR))
    assert _state(db, a.uuid)[:3] == (["часы отстают"], a.identity()[0], 3)
    assert _state(db, a.uuid)[3] == NOW - YEAR  # the date is kept as sent, only shown


def test_key_change_after_restoring_an_old_copy_is_refused_then_confirmed(
        db: Database, two, tmp_path: Path) -> None:
    """The district restores a copy made before its first export: same UUID, no key; its
    next export makes a new key and starts the numbers again."""
    a, _b = two
    shutil.copy(a.path, tmp_path / "copy-before-signing.db")
    _import(db, a.export(tmp_path / "a1.dkp", "до сбоя"))
    _import(db, a.export(tmp_path / "a2.dkp", "до сбоя 2"))
    old_key = a.identity()[0]
    shutil.copy(tmp_path / "copy-before-signing.db", a.path)  # restored
    moved = a.export(tmp_path / "a3.dkp", "после восстановления")
    new_key, number = a.identity()
    assert new_key != old_key and number == 1
    before = _state(db, a.uuid)
    with pytest.raises(KeyChangeRefused):
        _import(db, moved)
    with pytest.raises(KeyChangeRefused):  # the fingerprint of the old key does not do
        _import(db, moved, accept_key=signing.fingerprint(old_key))
    assert _state(db, a.uuid) == before
    result = _import(db, moved, accept_key=signing.fingerprint(new_key).lower())
    assert result.key_changed and f"Новый ключ подписи района принят: " \
        f"{signing.fingerprint(new_key)} (прежний: {signing.fingerprint(old_key)})." in result.lines()
    assert _state(db, a.uuid)[:3] == (["после восстановления"], new_key, 1)
    _import(db, a.export(tmp_path / "a4.dkp", "дальше"))
    assert _state(db, a.uuid)[:3] == (["дальше"], new_key, 2)
    with pytest.raises(KeyChangeRefused):  # the old key is not the district's any more
        _import(db, tmp_path / "a2.dkp")


def test_restoring_an_older_copy_rewinds_the_number_and_number_above_gets_past_it(
        db: Database, two, tmp_path: Path) -> None:
    a, _b = two
    _import(db, a.export(tmp_path / "a1.dkp", "первая"))
    shutil.copy(a.path, tmp_path / "copy-after-1.db")  # the daily copy: key made, number 1
    _import(db, a.export(tmp_path / "a2.dkp", "вторая"))
    _import(db, a.export(tmp_path / "a3.dkp", "третья"))
    shutil.copy(tmp_path / "copy-after-1.db", a.path)  # restored: the same key, number 1
    before = _state(db, a.uuid)
    with pytest.raises(UserError, match=r"№ 2 .*не новее уже импортированного № 3.*"
                                        r"--number-above 3"):
        _import(db, a.export(tmp_path / "a4.dkp", "после восстановления"))
    assert _state(db, a.uuid) == before
    out = tmp_path / "a5.dkp"
    done = _cli("export", "package", "--db", str(a.path), "-o", str(out), "--number-above", "3")
    assert done.returncode == 0, done.stderr
    assert read_package(out).sequence == 4 and a.identity()[1] == 4
    _import(db, out)
    assert _state(db, a.uuid)[:3] == (["после восстановления"], a.identity()[0], 4)


def test_unsigned_format_1_is_accepted_with_a_warning_until_a_key_is_on_record(
        db: Database, two, tmp_path: Path) -> None:
    a, _b = two
    legacy = _rewrite(a.export(tmp_path / "a1.dkp", "старая версия"), tmp_path / "v1.dkp",
                      unsigned=True)
    package = read_package(legacy)
    assert not package.signed and package.sequence is None
    result = _import(db, legacy)
    assert any("пакет без подписи" in line for line in result.lines())
    assert _state(db, a.uuid)[:3] == (["старая версия"], None, None)
    # then the district updates: its signed package is taken and its key recorded
    _import(db, a.export(tmp_path / "a2.dkp", "новая версия"))
    assert _state(db, a.uuid)[:3] == (["новая версия"], a.identity()[0], 2)


def test_command_line_genuine_forged_and_key_change(db: Database, two, tmp_path: Path) -> None:
    a, _b = two
    url = db.address
    first = a.export(tmp_path / "a1.dkp", "подлинная")
    done = _cli("import", str(first), "--db", url)
    assert done.returncode == 0, done.stderr
    fp = signing.fingerprint(a.identity()[0])
    assert f"Ключ подписи района записан: {fp}" in done.stdout and "пакет № 1" in done.stdout
    assert _state(db, a.uuid)[:3] == (["подлинная"], a.identity()[0], 1)

    forger = DistrictPC.make(tmp_path / "forger.db", "Северного района", uuid=a.uuid)
    forged = forger.export(tmp_path / "forged.dkp", "подделка")
    forged_fp = read_package(forged).fingerprint
    refused = _cli("import", str(forged), "--db", url)
    assert refused.returncode != 0
    assert f"прежний ключ {fp}, в пакете {forged_fp}" in refused.stderr
    assert f"--accept-new-key {forged_fp}" in refused.stderr
    assert "ничего не записано" in refused.stderr
    wrong = _cli("import", str(forged), "--db", url, "--accept-new-key", fp)
    assert wrong.returncode != 0 and "другим ключом" in wrong.stderr
    dry = _cli("import", str(forged), "--db", url, "--dry-run")
    assert dry.returncode == 0 and "подписан другим ключом" in dry.stdout
    assert _state(db, a.uuid)[:3] == (["подлинная"], a.identity()[0], 1)

    accepted = _cli("import", str(forged), "--db", url, "--accept-new-key", forged_fp, "--json")
    assert accepted.returncode == 0, accepted.stderr
    answer = json.loads(accepted.stdout)
    assert answer["old_fingerprint"] == fp and answer["fingerprint"] == forged_fp
    assert _state(db, a.uuid)[:3] == (["подделка"], forger.identity()[0], 1)


def test_key_change_in_the_window_asks_with_both_fingerprints(window, demo_db,
                                                              tmp_path: Path) -> None:
    """The window's question through the Dialogs door: declined writes nothing."""
    a = DistrictPC.make(tmp_path / "a.db", "Северного района")
    window.dialogs.answers = [True]
    window.import_file(a.export(tmp_path / "a1.dkp", "подлинная"))
    old_fp = signing.fingerprint(a.identity()[0])
    assert _state(demo_db, a.uuid)[:3] == (["подлинная"], a.identity()[0], 1)
    forger = DistrictPC.make(tmp_path / "f.db", "Северного района", uuid=a.uuid)
    forged = forger.export(tmp_path / "forged.dkp", "подделка")
    new_fp = read_package(forged).fingerprint

    window.dialogs.answers = [False]  # the key change is declined
    shown = len(window.dialogs.shown)
    window.import_file(forged)
    kind, title, text = window.dialogs.shown[shown]
    assert kind == "confirm" and title == "Ключ подписи района сменился"
    assert "«УО Северного района»" in text and f"Прежний ключ: {old_fp}" in text \
        and f"Новый ключ: {new_fp}" in text
    assert len(window.dialogs.shown) == shown + 1  # nothing more was asked
    assert _state(demo_db, a.uuid)[:3] == (["подлинная"], a.identity()[0], 1)

    window.dialogs.answers = [True, True]  # confirmed, then the import itself
    window.import_file(forged)
    assert _state(demo_db, a.uuid)[:3] == (["подделка"], forger.identity()[0], 1)


def test_signing_key_is_kept_in_the_district_database_and_survives_a_backup(
        tmp_path: Path) -> None:
    a = DistrictPC.make(tmp_path / "a.db", "Северного района")
    a.export(tmp_path / "a1.dkp", "раз")
    key, number = a.identity()
    moved = tmp_path / "new-pc" / "roadmaps.db"
    moved.parent.mkdir()
    backup_to(a.path, moved)  # «Резервная копия…», restored on a new computer
    on_new_pc = DistrictPC(moved, a.name, a.uuid)
    package = read_package(on_new_pc.export(tmp_path / "a2.dkp", "два"))
    assert package.public_key == key and package.sequence == number + 1
    database = open_database(moved, create=False)
    try:
        with database.session() as s:
            assert signing_identity(s).public_key == key
    finally:
        database.close()


def _rewrite(source: Path, target: Path, *, created: str | None = None,
             unsigned: bool = False) -> Path:
    """The package changed by hand with its checksums recomputed (no key: the signature
    stays as it was, or goes with ``unsigned``, which makes a format-1 package)."""
    with zipfile.ZipFile(source) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    signature = members.pop("manifest.sig")
    if created:
        manifest["created"] = created
    if unsigned:
        manifest["format_version"] = 1
        del manifest["sequence"], manifest["public_key"]
    manifest["members"] = {n: hashlib.sha256(b).hexdigest() for n, b in members.items()}
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False).encode())
        if not unsigned:
            zf.writestr("manifest.sig", signature)
        for name, payload in members.items():
            zf.writestr(name, payload)
    return target


@pytest.mark.parametrize("case", ["no signature", "garbage signature", "another key signs",
                                  "key swapped", "signature in format 1", "number zero"])
def test_a_package_whose_signature_does_not_hold_is_refused_before_the_database(
        case: str, tmp_path: Path) -> None:
    genuine = pack(tmp_path / "g.dkp", sample_district(1), sample_data(1, 5, 2),
                   signer=sample_signer(1), sequence=1)
    with zipfile.ZipFile(genuine) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    if case == "no signature":
        del members["manifest.sig"]
    elif case == "garbage signature":
        members["manifest.sig"] = b"\xff" * 64
    elif case == "another key signs":
        members["manifest.sig"] = sample_signer(2).sign(members["manifest.json"]).encode()
    elif case == "key swapped":  # the forger's key in the manifest, the district's signature
        manifest["public_key"] = sample_signer(2).public_key
        members["manifest.json"] = json.dumps(manifest).encode()
    elif case == "signature in format 1":
        manifest["format_version"] = 1
        del manifest["sequence"], manifest["public_key"]
        members["manifest.json"] = json.dumps(manifest).encode()
    else:  # a number the district never gives, signed properly
        manifest["sequence"] = 0
        members["manifest.json"] = json.dumps(manifest).encode()
        members["manifest.sig"] = sample_signer(1).sign(members["manifest.json"]).encode()
    bad = tmp_path / "bad.dkp"
    with zipfile.ZipFile(bad, "w") as zf:
        for name, payload in members.items():
            zf.writestr(name, payload)
    expected = {"no signature": "нет подписи manifest.sig",
                "signature in format 1": "у пакета формата 1 не бывает подписи",
                "number zero": "номер пакета должен быть больше нуля"}
    with pytest.raises(UserError, match=expected.get(case, "подпись не совпадает с описью")):
        read_package(bad)
