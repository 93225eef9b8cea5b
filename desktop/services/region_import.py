"""A district's package into the region's database: the preview, then one transaction.

The district is known by its UUID and proved by its signing key
(:mod:`desktop.services.package_sender`): a package signed by another key than the one on
record is refused unless the user confirms the change (``accept_key``: the new key's
fingerprint); signed packages are ordered by the district's package number, never by a
clock, and a replay is refused; an unsigned format-1 package is accepted with a warning
only while the district has no key on record.

A newer package replaces the district's earlier one whole (its roadmaps and schools are
deleted and written again, in the caller's transaction); the same package again changes
nothing. The region's own roadmaps and schools (``district_id`` NULL) are never touched.
Rows are written with Core bulk inserts (``RETURNING`` for the ids children need), which
keeps consolidating sixty districts close to a bare bulk insert (``benchmarks/region.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.importers.package import Package
from desktop.models import (
    CellEvidence,
    ChecklistRow,
    District,
    EvidenceFile,
    Item,
    ItemExecutor,
    MonitoringPoint,
    Roadmap,
    RoadmapAppendix,
    RoadmapAppendixRow,
    School,
    SchoolProjectYear,
    Section,
    TargetIndicator,
)
from desktop.models.checklist_files import stored_name
from desktop.models.deadline import parse_deadline
from desktop.models.roadmap import item_schools
from desktop.services.package_sender import Sender, check_sender, confirm_key


def _sha(value: Any) -> str:
    # the exporter writes sorted keys, so the parsed dictionaries come in a stable order
    return hashlib.sha256(json.dumps(value, separators=(",", ":")).encode()).hexdigest()


def snapshot(data: dict[str, Any]) -> dict[str, Any]:
    """What the next package's preview compares with: a hash per roadmap and per school."""
    return {"roadmaps": {str(r["key"]): [r["title"], _sha(r)] for r in data["roadmaps"]},
            "schools": {s["short_name"]: _sha(s) for s in data["schools"]}}


@dataclass
class Preview:
    """What importing the package would do, in words for the dialog and the command."""

    district: str
    uuid: str
    created: dt.datetime
    first: bool            #: a district not seen before
    unchanged: bool        #: the same package as last time: nothing to do
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    schools_new: int = 0
    schools_changed: int = 0
    items: int = 0
    #: who signed it, its number, the warnings (see :mod:`desktop.services.package_sender`)
    sender: Sender = field(default_factory=Sender)

    @property
    def sequence(self) -> int | None:
        return self.sender.sequence

    @property
    def fingerprint(self) -> str | None:
        return self.sender.fingerprint

    @property
    def old_fingerprint(self) -> str | None:
        return self.sender.old_fingerprint

    @property
    def key_recorded(self) -> bool:
        return self.sender.key_recorded

    @property
    def key_changed(self) -> bool:
        return self.sender.old_fingerprint is not None

    @property
    def warnings(self) -> list[str]:
        return self.sender.warnings

    def lines(self) -> list[str]:
        number = f"№ {self.sequence} " if self.sequence is not None else ""
        head = (f"Район: {self.district} (пакет {number}от {self.created:%d.%m.%Y %H:%M}"
                f"{', впервые' if self.first else ''})")
        if self.unchanged:
            return [head, "Пакет уже импортирован: ничего не изменится", *self.warnings]
        out = [head, *self.warnings, f"Мероприятий в пакете: {self.items}"]
        for label, titles in (("новые дорожные карты", self.new),
                              ("изменённые", self.changed), ("удалённые", self.removed)):
            if titles:
                out.append(f"{label.capitalize()}: " + "; ".join(f"«{t}»" for t in titles))
        if self.schools_new or self.schools_changed:
            out.append(f"Школы: новых {self.schools_new}, изменённых {self.schools_changed}")
        if len(out) == 2 + len(self.warnings):
            out.append("Дорожные карты не изменились")
        return out


def preview(session: Session, package: Package,
            now: dict[str, Any] | None = None, *, clock: dt.datetime | None = None) -> Preview:
    """Compare the package with the district's last one (nothing is written); ``now`` is
    the package's :func:`snapshot` when the caller has it, ``clock`` this computer's time.
    Raises :class:`UserError` for a package that would be refused (a replay, or unsigned
    from a district whose key is on record)."""
    district = session.scalar(select(District).where(District.uuid == package.district["uuid"]))
    name = " ".join((package.district["short_name"] or package.district["name"]).split()) \
        or "без названия"
    last = district.snapshot if district is not None else {"roadmaps": {}, "schools": {}}
    now = now or snapshot(package.data)
    result = Preview(name, package.district["uuid"], package.created, district is None,
                     district is not None and district.digest == package.digest)
    result.sender = check_sender(name, district, package, unchanged=result.unchanged,
                                 clock=clock or dt.datetime.now())
    if result.key_changed:
        result.unchanged = False  # the same data under another key still asks about the key
    result.items = sum(len(s["items"]) for r in package.data["roadmaps"] for s in r["sections"])
    for key, (title, digest) in now["roadmaps"].items():
        if key not in last["roadmaps"]:
            result.new.append(title)
        elif last["roadmaps"][key][1] != digest:
            result.changed.append(title)
    result.removed = [t for k, (t, _d) in last["roadmaps"].items() if k not in now["roadmaps"]]
    result.schools_new = sum(1 for k in now["schools"] if k not in last["schools"])
    result.schools_changed = sum(1 for k, d in now["schools"].items()
                                 if k in last["schools"] and last["schools"][k] != d)
    return result


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]],
            returning: bool = False) -> list[int]:
    if not rows:
        return []
    if not returning:
        conn.execute(insert(table), rows)
        return []
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, rows).scalars())


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def import_package(session: Session, package: Package, db_path: Path | None = None, *,
                   accept_key: str | None = None, clock: dt.datetime | None = None) -> Preview:
    """Write the package in the session's transaction (the caller commits); see the module.
    ``accept_key`` is the fingerprint of a new signing key the user confirmed."""
    district = session.scalar(select(District).where(District.uuid == package.district["uuid"]))
    now = snapshot(package.data)
    result = preview(session, package, now, clock=clock)
    confirm_key(result.district, result.sender, package, accept_key)
    if result.unchanged:
        return result
    conn = session.connection()
    if district is None:
        district = District(uuid=package.district["uuid"])
        session.add(district)
    else:  # the earlier package goes whole: cascades take sections, items, marks, links
        conn.execute(delete(Roadmap.__table__).where(Roadmap.district_id == district.id))
        conn.execute(delete(School.__table__).where(School.district_id == district.id))
    district.name = result.district
    district.oktmo = package.district["oktmo"]
    district.package_created = package.created
    district.imported_at = dt.datetime.now()
    district.app_version = package.manifest["app_version"]
    district.digest = package.digest
    district.snapshot = now
    if package.signed:
        district.public_key = package.public_key
        district.package_sequence = package.sequence
    session.flush()
    _Writer(conn, district.id, _files(session, package, db_path)).write(package.data)
    session.expire_all()
    return result


def _files(session: Session, package: Package, db_path: Path | None) -> dict[str, int]:
    """The package's evidence files stored in the data folder: member name → file id."""
    if db_path is None or not package.evidence:
        return {}
    ids: dict[str, int] = {}
    for name, payload in package.evidence.items():
        digest = name.split("/")[1][:64]
        record = session.scalar(select(EvidenceFile).where(EvidenceFile.sha256 == digest))
        relative = stored_name(digest, name)  # the member's name: evidence/<sha256><.ext>
        target = Path(db_path).parent / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            part = target.with_suffix(target.suffix + ".part")
            part.write_bytes(payload)
            part.replace(target)
        if record is None:
            record = EvidenceFile(sha256=digest, original_name=name.split("/")[1],
                                  stored_path=relative, size=len(payload))
            session.add(record)
            session.flush()
        ids[name] = record.id
    return ids


class _Writer:
    """Bulk inserts of one package's data for one district."""

    def __init__(self, conn: Connection, district_id: int, files: dict[str, int]) -> None:
        self.conn, self.district_id, self.files = conn, district_id, files
        self.school_ids: dict[int, int] = {}
        self.deadlines: dict[tuple[str, dt.date, dt.date], dict[str, Any]] = {}

    def write(self, data: dict[str, Any]) -> None:
        self._schools(data["schools"])
        ids = _insert(self.conn, Roadmap.__table__, [self._roadmap_row(r)
                                                     for r in data["roadmaps"]], True)
        for roadmap, roadmap_id in zip(data["roadmaps"], ids, strict=True):
            self._parts(roadmap, roadmap_id)
        section_rows, section_items = [], []
        for roadmap, roadmap_id in zip(data["roadmaps"], ids, strict=True):
            period = (_day(roadmap["period_start"]), _day(roadmap["period_end"]))
            for n, section in enumerate(roadmap["sections"]):
                section_rows.append({"roadmap_id": roadmap_id, "position": n,
                                     **{k: section[k] for k in ("number", "title", "tasks",
                                                                 "indicators")}})
                section_items.append((section["items"], period))
        section_ids = _insert(self.conn, Section.__table__, section_rows, True)
        self._items([(item, sid, period) for sid, (items, period)
                     in zip(section_ids, section_items, strict=True) for item in items])

    def _schools(self, schools: list[dict[str, Any]]) -> None:
        rows = [{k: v for k, v in s.items() if k not in ("key", "project_years")}
                | {"district_id": self.district_id} for s in schools]
        ids = _insert(self.conn, School.__table__, rows, True)
        self.school_ids = {s["key"]: i for s, i in zip(schools, ids, strict=True)}
        _insert(self.conn, SchoolProjectYear.__table__,
                [{"school_id": i, "year": y} for s, i in zip(schools, ids, strict=True)
                 for y in sorted(set(s["project_years"]))])

    def _roadmap_row(self, r: dict[str, Any]) -> dict[str, Any]:
        return {**{k: r[k] for k in ("title", "goal", "tasks", "basis_documents",
                                     "justification", "passport_problem", "passport_developer",
                                     "passport_stages", "passport_working_group",
                                     "closing_position", "closing_name", "level", "status",
                                     "indicator_periods")},
                "period_start": _day(r["period_start"]), "period_end": _day(r["period_end"]),
                "columns_json": r["columns"], "layout_json": r["layout"],
                "district_id": self.district_id, "created_at": dt.datetime.now()}

    def _parts(self, r: dict[str, Any], roadmap_id: int) -> None:
        _insert(self.conn, MonitoringPoint.__table__, [
            {"roadmap_id": roadmap_id, "date": _day(p["date"]), "target_min": p["target_min"],
             "target_max": p["target_max"], "title": p["title"]} for p in r["monitoring_points"]])
        _insert(self.conn, TargetIndicator.__table__, [
            {"roadmap_id": roadmap_id, "position": n, **i} for n, i in enumerate(r["indicators"])])
        period = (_day(r["period_start"]), _day(r["period_end"]))
        for n, appendix in enumerate(r["appendices"]):
            (appendix_id,) = _insert(self.conn, RoadmapAppendix.__table__, [
                {"roadmap_id": roadmap_id, "position": n, "doc_date": _day(appendix["doc_date"]),
                 **{k: appendix[k] for k in ("title", "number", "doc_number", "headings",
                                             "text")}}], True)
            rows = []
            for m, row in enumerate(appendix["rows"]):
                deadline = self._deadline(row["date_text"], period)
                rows.append({"appendix_id": appendix_id, "position": m, **row,
                             "deadline_json": deadline["deadline_json"],
                             "deadline_start": deadline["deadline_start"],
                             "deadline_end": deadline["deadline_end"]})
            _insert(self.conn, RoadmapAppendixRow.__table__, rows)

    def _deadline(self, text: str, period: tuple[Any, Any]) -> dict[str, Any]:
        """The stored reading of a deadline text (as :meth:`Item.set_deadline`), once per text."""
        key = (text, *period)
        if key not in self.deadlines:
            self.deadlines[key] = parse_deadline(text, period).stored()
        return self.deadlines[key]

    def _items(self, items: list[tuple[dict[str, Any], int, Any]]) -> None:
        """Items level by level (a parent's id is known before its children are written)."""
        ids: dict[int, int] = {}
        # each item's place among its siblings (same section and parent), in package order
        places: dict[int, int] = {}
        counters: dict[tuple[int, Any], int] = {}
        for item, sid, _period in items:
            sibling = (sid, item["parent"])
            places[item["key"]] = counters[sibling] = counters.get(sibling, -1) + 1
        pending = items
        while pending:
            level = [t for t in pending if t[0]["parent"] is None or t[0]["parent"] in ids]
            if not level:
                raise UserError("Пакет отклонён: вложенность мероприятий замкнута в цикл")
            rows = [{"section_id": sid, "parent_id": ids.get(item["parent"]),
                     "position": places[item["key"]],
                     "done_date": _day(item["done_date"]),
                     **{k: item[k] for k in ("number", "activity", "deadline_text", "tasks",
                                             "indicator", "evidence", "info_support", "status",
                                             "note", "school_scope")},
                     **self._deadline(item["deadline_text"], period)}
                    for item, sid, period in level]
            for (item, _s, _p), new_id in zip(level, _insert(self.conn, Item.__table__, rows,
                                                             True), strict=True):
                ids[item["key"]] = new_id
            done = {id(t) for t in level}
            pending = [t for t in pending if id(t) not in done]
        self._item_children([t[0] for t in items], ids)

    def _item_children(self, items: list[dict[str, Any]], ids: dict[int, int]) -> None:
        schools = self.school_ids
        _insert(self.conn, ItemExecutor.__table__, [
            {"item_id": ids[i["key"]], "position": n, "text": text}
            for i in items for n, text in enumerate(i["executors"])])
        _insert(self.conn, item_schools, [
            {"item_id": ids[i["key"]], "school_id": schools[s]}
            for i in items for s in dict.fromkeys(i["schools"])])
        plain, with_docs = [], []
        for item in items:
            seen: set[int] = set()
            for mark in item["marks"]:
                if mark["school"] in seen:
                    continue
                seen.add(mark["school"])
                row = {"item_id": ids[item["key"]], "school_id": schools[mark["school"]],
                       "status": mark["status"], "date": _day(mark["date"]),
                       "evidence": mark["evidence"], "comment": mark["comment"]}
                (with_docs if mark["documents"] else plain).append((row, mark["documents"]))
        _insert(self.conn, ChecklistRow.__table__, [r for r, _d in plain])
        row_ids = _insert(self.conn, ChecklistRow.__table__, [r for r, _d in with_docs], True)
        _insert(self.conn, CellEvidence.__table__, [
            {"row_id": row_id, "position": n, "title": d["title"], "number": d["number"],
             "date": _day(d["date"]), "file_id": self.files.get(d["file"] or "")}
            for row_id, (_r, docs) in zip(row_ids, with_docs, strict=True)
            for n, d in enumerate(docs)])
