"""Hostile packages are refused in Russian with nothing written or extracted: paths outside the
package, absolute paths, links, bombs, a bad checksum, unknown fields, wrong types, dangling
references. Each case starts from a good package and breaks one thing."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.exchange.sample import sample_data, sample_district, sample_signer
from desktop.export.package import pack
from desktop.importers import safe_zip
from desktop.importers.package import read_package
from desktop.models import District, Item
from desktop.models.database import open_database
from desktop.services.operations import DistrictRows, writing
from desktop.services.region_import import import_package

Members = dict[str, bytes]


def _good() -> Members:
    data = json.dumps(sample_data(1, 8, 3)).encode()
    district = json.dumps(sample_district(1)).encode()
    return {"district.json": district, "data.json": data}


def _manifest(members: Members, **extra: object) -> bytes:
    manifest = {"format": "dorozhnaya-karta-package", "format_version": 1, "app_version": "0.1",
                "created": "2026-06-01T10:00:00", "with_evidence": False,
                "members": {n: hashlib.sha256(b).hexdigest() for n, b in members.items()}}
    manifest.update(extra)
    return json.dumps(manifest).encode()


def _write(path: Path, members: Members, manifest: bytes | None = None,
           infos: list[tuple[zipfile.ZipInfo, bytes]] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest if manifest is not None else _manifest(members))
        for name, payload in members.items():
            zf.writestr(name, payload)
        for info, payload in infos:
            zf.writestr(info, payload)
    return path


def _data_edit(edit: Callable[[dict], None]) -> Members:
    members = _good()
    data = json.loads(members["data.json"])
    edit(data)
    members["data.json"] = json.dumps(data).encode()
    return members


def _link() -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo("evidence/" + "a" * 64 + ".pdf")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, b"/etc/passwd"


def _item(data: dict) -> dict:
    return data["roadmaps"][0]["sections"][0]["items"][0]


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "parent path": (lambda p: _write(p, {**_good(), "../evil.txt": b"x"}), "за пределы"),
    "absolute path": (lambda p: _write(p, {**_good(), "/tmp/evil.txt": b"x"}), "за пределы"),
    "backslash": (lambda p: _write(p, {**_good(), "..\\evil.txt": b"x"}), "за пределы"),
    "link": (lambda p: _write(p, _good(), infos=[_link()]), "ссылка"),
    "unknown member": (lambda p: _write(p, {**_good(), "run.sh": b"x"}), "неизвестная часть"),
    "bad checksum": (lambda p: _write(p, {**_good(), "data.json": b'{"schools": [], '
                                          b'"roadmaps": []}'}, _manifest(_good())),
                     "контрольная сумма"),
    "unlisted member": (lambda p: _write(p, _good(), _manifest({"data.json": b""})),
                        "опись не совпадает"),
    "unknown field": (lambda p: _write(p, _data_edit(lambda d: _item(d).update(x=1))),
                      "неизвестное поле «x»"),
    "wrong type": (lambda p: _write(p, _data_edit(lambda d: _item(d).update(number=5))),
                   "ожидалось: строка"),
    "bad date": (lambda p: _write(p, _data_edit(
        lambda d: d["roadmaps"][0].update(period_start="2026-13-01"))), "дата"),
    "bad status": (lambda p: _write(p, _data_edit(lambda d: _item(d).update(status="x"))),
                   "недопустимое значение"),
    "unknown school": (lambda p: _write(p, _data_edit(
        lambda d: _item(d)["schools"].append(999))), "неизвестную школу"),
    "not json": (lambda p: _write(p, {**_good(), "data.json": b"\xff{"}), "не JSON"),
    "manifest field": (lambda p: _write(p, _good(), _manifest(_good(), extra=1)),
                       "неизвестное поле"),
    "evidence name lies": (lambda p: _write(p, {**_good(), "evidence/" + "0" * 64 + ".pdf":
                                                b"%PDF"}), "не совпадает с его содержимым"),
    "not a zip": (lambda p: (p.write_bytes(b"hello" * 100), p)[1], "не zip"),
}


def _files(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if not n.endswith(("-wal", "-shm")))


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_package_is_refused_and_nothing_written(case: str, tmp_path: Path) -> None:
    make, message = CASES[case]
    path = make(tmp_path / "hostile.dkp")
    region = open_database(tmp_path / "region.db")
    before = _files(tmp_path)
    try:
        try:
            package = read_package(path)
        except UserError as exc:  # refused by the reader: the database is never reached
            refused = exc
        else:  # refused while importing: the one transaction must leave no trace
            with pytest.raises(UserError) as info, writing(region, districts=DistrictRows.ALLOW) as s:
                import_package(s, package, region.path)
            refused = info.value
            with region.session() as s:
                assert s.scalar(select(func.count(District.id))) == 0
                assert s.scalar(select(func.count(Item.id))) == 0
        assert re.search(message, refused.message), refused.message
        assert "ничего не записано" in refused.message or case == "not a zip"
    finally:
        region.close()
    assert _files(tmp_path) == before  # nothing extracted
    assert not Path("/tmp/evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_a_bomb_is_refused_before_inflating(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(safe_zip, "MAX_TOTAL_BYTES", 1 << 20)
    monkeypatch.setattr(safe_zip, "MAX_MEMBER_BYTES", 1 << 20)
    members = {**_good(), "evidence/" + hashlib.sha256(b"\0" * (4 << 20)).hexdigest() + ".pdf":
               b"\0" * (4 << 20)}
    path = _write(tmp_path / "bomb.dkp", members)
    assert path.stat().st_size < 64 * 1024  # 4 MB of zeros compress to a few KB
    with pytest.raises(UserError, match="zip-бомб"):
        read_package(path)


def test_good_package_of_the_same_shape_is_read(tmp_path: Path) -> None:
    """The cases above fail for their one defect: the package they start from is good."""
    assert read_package(_write(tmp_path / "good.dkp", _good())).district["oktmo"] == "04000001"
    assert read_package(pack(tmp_path / "p.dkp", sample_district(1), sample_data(1, 8, 3),
                             signer=sample_signer(1), sequence=1))
