"""The district's exchange package (``.dkp``): its data read once, written as one zip.

:func:`package_data` turns the database into the plain dictionaries of
``docs/exchange-format.md``; :func:`write_package` writes them with the manifest (format
version, app version, creation time, the district's package number and public key, sha256
of every member), the manifest's Ed25519 signature and, when asked, the evidence files up
to :data:`MAX_EVIDENCE_BYTES` in all. The district's signing key is made on its first
export and kept in its database (:class:`desktop.models.SigningIdentity`); each export
takes the next package number in the caller's transaction. Pure: no Qt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop import __version__
from desktop.atomic import atomic_output
from desktop.errors import UserError
from desktop.exchange import schema
from desktop.exchange.signing import Signer, new_private_key
from desktop.models import (
    Authority,
    CellEvidence,
    ChecklistRow,
    EvidenceFile,
    Item,
    Roadmap,
    RoadmapAppendix,
    School,
    Section,
    SigningIdentity,
)
from desktop.models.checklist_files import is_valid_stored_path

#: evidence files together beyond this are left out (the package goes by e-mail)
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def ensure_authority(session: Session) -> Authority:
    """The profile row with its UUID (made now on a file that has none yet)."""
    authority = session.scalar(select(Authority).order_by(Authority.id).limit(1))
    if authority is None:
        authority = Authority()
        session.add(authority)
        session.flush()
    return authority


def signing_identity(session: Session) -> SigningIdentity:
    """The district's signing key and package counter (made now, on the first export)."""
    identity = session.scalar(select(SigningIdentity).order_by(SigningIdentity.id).limit(1))
    if identity is None:
        private_key = new_private_key()
        identity = SigningIdentity(private_key=private_key, package_sequence=0,
                                   public_key=Signer(private_key).public_key)
        session.add(identity)
        session.flush()
    return identity


def district_info(authority: Authority) -> dict[str, Any]:
    return {"uuid": authority.uuid, "name": authority.full_name or authority.short_name,
            "short_name": authority.short_name, "oktmo": authority.oktmo,
            "region": authority.region}


def _school(school: School) -> dict[str, Any]:
    return {"key": school.id, **{n: getattr(school, n) or "" for n in schema.SCHOOL_TEXTS},
            **{n: bool(getattr(school, n)) for n in schema.SCHOOL_FLAGS},
            "project_years": [p.year for p in school.project_years]}


def _marks(session: Session, roadmap_id: int) -> dict[int, list[dict[str, Any]]]:
    """item id → its per-school marks with their documents."""
    rows = session.scalars(
        select(ChecklistRow).join(Item).join(Section).where(Section.roadmap_id == roadmap_id)
        .options(selectinload(ChecklistRow.documents).selectinload(CellEvidence.file))  # type: ignore[attr-defined]
        .order_by(ChecklistRow.item_id, ChecklistRow.school_id))
    marks: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        documents = [{"title": d.title, "number": d.number, "date": _day(d.date),
                      "file": _member(d.file) if d.file is not None else None}
                     for d in row.documents]
        marks.setdefault(row.item_id, []).append(
            {"school": row.school_id, "status": row.status.value, "date": _day(row.date),
             "evidence": row.evidence or "", "comment": row.comment or "",
             "documents": documents})
    return marks


def _member(record: EvidenceFile) -> str:
    suffix = Path(record.original_name).suffix.lower()[:10]
    return f"{schema.EVIDENCE_DIR}{record.sha256}{suffix}"


def _item(item: Item, marks: dict[int, list[dict[str, Any]]]) -> dict[str, Any]:
    return {"key": item.id, "parent": item.parent_id, "number": item.number or "",
            "activity": item.activity or "", "deadline_text": item.deadline_text or "",
            "tasks": item.tasks or "", "indicator": item.indicator or "",
            "evidence": item.evidence or "", "info_support": item.info_support or "",
            "status": item.status.value, "done_date": _day(item.done_date),
            "note": item.note or "", "school_scope": item.school_scope.value,
            "executors": [e.display for e in item.executors if e.display],
            "schools": [s.id for s in item.schools], "marks": marks.get(item.id, [])}


def _appendix(appendix: RoadmapAppendix) -> dict[str, Any]:
    return {"title": appendix.title or "", "number": appendix.number or "",
            "doc_number": appendix.doc_number or "", "doc_date": _day(appendix.doc_date),
            "headings": list(appendix.headings or []), "text": appendix.text or "",
            "rows": [{"is_group": bool(r.is_group), "topic": r.topic or "",
                      "date_text": r.date_text or "", "responsible": r.responsible or "",
                      "done": bool(r.done)} for r in appendix.rows]}


def _roadmap(session: Session, roadmap: Roadmap) -> dict[str, Any]:
    marks = _marks(session, roadmap.id)
    return {
        "key": roadmap.id, **{n: getattr(roadmap, n) or "" for n in schema.ROADMAP_TEXTS},
        "level": roadmap.level.value, "status": roadmap.status.value,
        "period_start": roadmap.period_start.isoformat(),
        "period_end": roadmap.period_end.isoformat(),
        "columns": list(roadmap.columns_json or []),
        "indicator_periods": list(roadmap.indicator_periods or []),
        "layout": dict(roadmap.layout_json or {}),
        "monitoring_points": [{"date": p.date.isoformat(), "target_min": p.target_min,
                               "target_max": p.target_max, "title": p.title or ""}
                              for p in roadmap.monitoring_points],
        "indicators": [{"name": i.name or "", "unit": i.unit or "", "values": list(i.values or [])}
                       for i in roadmap.indicators],
        "appendices": [_appendix(a) for a in roadmap.appendices],
        "sections": [{"number": s.number or "", "title": s.title or "", "tasks": s.tasks or "",
                      "indicators": s.indicators or "",
                      "items": [_item(i, marks) for i in s.items_in_order()]}
                     for s in roadmap.sections],
    }


def package_data(session: Session) -> dict[str, Any]:
    """The file's own schools and roadmaps as ``data.json`` holds them."""
    schools = session.scalars(select(School).where(School.district_id.is_(None))
                              .options(selectinload(School.project_years)).order_by(School.id))
    roadmaps = session.scalars(
        select(Roadmap).where(Roadmap.district_id.is_(None)).order_by(Roadmap.id).options(
            selectinload(Roadmap.sections).selectinload(Section.items).options(
                selectinload(Item.executors), selectinload(Item.schools),
                selectinload(Item.children))))
    return {"schools": [_school(s) for s in schools],
            "roadmaps": [_roadmap(session, r) for r in roadmaps]}


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _evidence_files(session: Session, data: dict[str, Any], db_path: Path) -> dict[str, Path]:
    """Member name → stored file, for the documents the data names, within the limit."""
    wanted = {d["file"] for r in data["roadmaps"] for s in r["sections"] for i in s["items"]
              for m in i["marks"] for d in m["documents"] if d["file"]}
    found: dict[str, Path] = {}
    total = 0
    for record in session.scalars(select(EvidenceFile).order_by(EvidenceFile.id)):
        name = _member(record)
        if not is_valid_stored_path(record.stored_path, record.sha256):
            continue  # a damaged record's path is never followed: the file goes unsent
        path = Path(db_path).parent / record.stored_path
        if name in wanted and path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            if total > MAX_EVIDENCE_BYTES:
                raise UserError(
                    f"Файлы подтверждений вместе больше {MAX_EVIDENCE_BYTES // 2**20} МБ: "
                    "выгрузите пакет без них")
            found[name] = path
    return found


def write_package(session: Session, output: Path, *, db_path: Path | None = None,
                  with_evidence: bool = False, now: dt.datetime | None = None,
                  number_above: int = 0) -> Path:
    """Write the package of the database ``session`` reads to ``output``, signed with the
    district's key under its next package number (both kept when the caller commits;
    ``now`` is the time written as ``created``, the district's own clock by default;
    ``number_above``: the number is made larger than it, for a district that restored an
    older copy of its database and whose numbers the region has already seen)."""
    authority = ensure_authority(session)
    identity = signing_identity(session)
    data = package_data(session)
    files = _evidence_files(session, data, db_path) if with_evidence and db_path else {}
    identity.package_sequence = max(identity.package_sequence or 0, number_above) + 1
    session.flush()
    return pack(output, district_info(authority), data,
                {name: path.read_bytes() for name, path in files.items()}, now=now,
                signer=Signer(identity.private_key), sequence=identity.package_sequence)


def pack(output: Path, district: dict[str, Any], data: dict[str, Any],
         evidence: dict[str, bytes] | None = None, *, signer: Signer, sequence: int,
         now: dt.datetime | None = None) -> Path:
    """The zip itself: manifest first, its signature, then district, data and evidence."""
    members = {schema.DISTRICT: _dump(district), schema.DATA: _dump(data), **(evidence or {})}
    manifest = {"format": schema.FORMAT_NAME, "format_version": schema.FORMAT_VERSION,
                "app_version": __version__,
                "created": (now or dt.datetime.now()).isoformat(timespec="seconds"),
                "with_evidence": bool(evidence), "sequence": sequence,
                "public_key": signer.public_key,
                "members": {n: hashlib.sha256(b).hexdigest() for n, b in members.items()}}
    manifest_bytes = _dump(manifest)
    output = Path(output)
    with atomic_output(output) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(schema.MANIFEST, manifest_bytes)
        zf.writestr(schema.SIGNATURE, signer.sign(manifest_bytes))
        for name, payload in members.items():
            zf.writestr(name, payload)
    return output
