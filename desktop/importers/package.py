"""Reading a district's exchange package safely: everything checked before anything is used.

:func:`read_package` refuses, in Russian and having written and extracted nothing, a file
that is not a package, a member name outside the package (``../``, an absolute path, a
backslash, a drive), a link or any non-regular member, a duplicate or unlisted member, a zip
bomb (the limits of :mod:`desktop.importers.safe_zip`), a checksum that does not match the
manifest, a newer format than this app reads, and JSON with unknown fields, wrong types or
dangling references. What it returns is plain, checked data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.errors import UserError
from desktop.exchange import schema, signing
from desktop.importers.safe_zip import SafeZip, check_size, sniff

#: the only member names a package may have besides manifest, district and data
_EVIDENCE_NAME = re.compile(r"evidence/([0-9a-f]{64})(\.[0-9a-z]{1,9})?")


def _refuse(what: str) -> UserError:
    return UserError(f"Пакет отклонён: {what}; ничего не записано")


@dataclass
class Package:
    """A checked package: its manifest, district and data, and the evidence it carries."""

    path: Path
    manifest: dict[str, Any]
    district: dict[str, Any]
    data: dict[str, Any]
    #: sha256 of the district and data (what «the same package again» compares)
    digest: str
    evidence: dict[str, bytes] = field(default_factory=dict)

    @property
    def created(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.manifest["created"])

    @property
    def signed(self) -> bool:
        """Format 2 on: signed (the signature was checked when the package was read)."""
        return "public_key" in self.manifest

    @property
    def public_key(self) -> str | None:
        return self.manifest.get("public_key")

    @property
    def sequence(self) -> int | None:
        """The district's number of this package (None in an unsigned format-1 package)."""
        return self.manifest.get("sequence")

    @property
    def fingerprint(self) -> str | None:
        key = self.public_key
        return signing.fingerprint(key) if key else None


def is_package(path: Path) -> bool:
    """A ``.dkp`` file, or a zip whose first member is a package manifest."""
    if Path(path).suffix.lower() == ".dkp":
        return True
    try:
        if sniff(Path(path)) != "zip":
            return False
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
        return bool(names) and names[0] == schema.MANIFEST
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _check_names(path: Path) -> list[str]:
    """Member names, refusing paths outside the package, links and oddities."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _refuse("файл повреждён или это не пакет обмена (.dkp)") from exc
    names: list[str] = []
    for info in infos:
        name = info.filename
        if (name.startswith(("/", "\\")) or "\\" in name or ":" in name
                or any(part in ("..", "") for part in name.split("/"))):
            raise _refuse(f"путь «{name[:80]}» ведёт за пределы пакета")
        mode = info.external_attr >> 16
        if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise _refuse(f"«{name[:80]}» — ссылка или папка, а не файл")
        if name in names:
            raise _refuse(f"часть «{name[:80]}» повторяется")
        if name not in (schema.MANIFEST, schema.SIGNATURE, schema.DISTRICT, schema.DATA) \
                and not _EVIDENCE_NAME.fullmatch(name):
            raise _refuse(f"неизвестная часть «{name[:80]}»")
        names.append(name)
    return names


def _json(payload: bytes, name: str) -> Any:
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _refuse(f"{name} — не JSON в UTF-8") from exc


def _check_version(manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != schema.FORMAT_NAME:
        raise _refuse("это не пакет обмена «Дорожной карты»")
    version = manifest.get("format_version")
    if isinstance(version, int) and version > schema.FORMAT_VERSION:
        raise UserError(
            f"Пакет сделан более новой версией программы (формат {version}, программа "
            f"{manifest.get('app_version', '?')}), а эта версия читает формат до "
            f"{schema.FORMAT_VERSION}. Обновите программу; ничего не записано")
    spec = schema.MANIFEST_SPEC_V1 if version == 1 else schema.MANIFEST_SPEC
    schema.check(manifest, spec, "manifest")
    if manifest["format_version"] < schema.OLDEST_VERSION:
        raise _refuse(f"неизвестная версия формата {manifest['format_version']}")
    if "sequence" in manifest and manifest["sequence"] < 1:
        raise _refuse("номер пакета должен быть больше нуля")


def _check_signature(manifest: dict[str, Any], manifest_bytes: bytes,
                     signature: bytes | None) -> None:
    """Format 2 on: ``manifest.sig`` is the manifest's key's signature of its exact bytes."""
    if manifest["format_version"] == 1:
        if signature is not None:
            raise _refuse("у пакета формата 1 не бывает подписи")
        return
    if signature is None:
        raise _refuse("нет подписи manifest.sig (пакет формата 2 всегда подписан)")
    try:
        text = signature.decode("ascii").strip()
    except UnicodeDecodeError:
        text = ""
    if not signing.verify(manifest["public_key"], manifest_bytes, text):
        raise _refuse("подпись не совпадает с описью: пакет изменён после выгрузки "
                      "или подделан")


def _check_references(data: dict[str, Any]) -> None:
    """Keys unique; parents, schools of items and marks, all named in the package."""
    schools = [s["key"] for s in data["schools"]]
    if len(set(schools)) != len(schools):
        raise _refuse("у двух школ один ключ")
    known = set(schools)
    keys: set[int] = set()
    for roadmap in data["roadmaps"]:
        if roadmap["period_end"] < roadmap["period_start"]:
            raise _refuse(f"у дорожной карты «{roadmap['title'][:60]}» конец раньше начала")
        for section in roadmap["sections"]:
            for item in section["items"]:
                if item["key"] in keys:
                    raise _refuse("у двух мероприятий один ключ")
                if item["parent"] is not None and item["parent"] not in keys:
                    raise _refuse(f"мероприятие {item['number']} вложено в неизвестное")
                keys.add(item["key"])
                named = set(item["schools"]) | {m["school"] for m in item["marks"]}
                if named - known:
                    raise _refuse(f"мероприятие {item['number']} ссылается на неизвестную школу")


def read_package(path: Path) -> Package:
    """The package at ``path`` checked whole (see the module's list), or a :class:`UserError`."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Файл пакета не найден: {path}")
    check_size(path)
    if sniff(path) != "zip":
        raise _refuse("это не пакет обмена (.dkp): файл не zip-архив")
    names = _check_names(path)
    if schema.MANIFEST not in names:
        raise _refuse("нет описи manifest.json")
    with SafeZip(path) as archive:
        payloads = {name: archive.read(name) for name in names}
    manifest_bytes = payloads.pop(schema.MANIFEST)
    signature = payloads.pop(schema.SIGNATURE, None)
    manifest = _json(manifest_bytes, schema.MANIFEST)
    _check_version(manifest)
    listed = manifest["members"]
    if set(listed) != set(payloads):
        extra = sorted(set(listed) ^ set(payloads))[0]
        raise _refuse(f"опись не совпадает с содержимым («{extra[:80]}»)")
    for name, payload in payloads.items():
        digest = hashlib.sha256(payload).hexdigest()
        if digest != listed[name]:
            raise _refuse(f"контрольная сумма части «{name}» не совпадает (файл испорчен)")
        match = _EVIDENCE_NAME.fullmatch(name)
        if match and match.group(1) != digest:
            raise _refuse(f"имя файла «{name[:80]}» не совпадает с его содержимым")
    for required in (schema.DISTRICT, schema.DATA):
        if required not in payloads:
            raise _refuse(f"нет части {required}")
    district = _json(payloads[schema.DISTRICT], schema.DISTRICT)
    schema.check(district, schema.DISTRICT_SPEC, "district")
    data = _json(payloads[schema.DATA], schema.DATA)
    schema.check(data, schema.DATA_SPEC, "data")
    _check_references(data)
    evidence = {n: b for n, b in payloads.items() if n.startswith(schema.EVIDENCE_DIR)}
    # last, once every member is known to be what the manifest lists: is the manifest signed?
    _check_signature(manifest, manifest_bytes, signature)
    digest = hashlib.sha256((listed[schema.DISTRICT] + listed[schema.DATA]).encode()).hexdigest()
    return Package(path, manifest, district, data, digest, evidence)
