"""What a school's card shows and edits: its profile, its concept documents (концепция
развития, среднесрочная программа, an антирисковая программа per chosen risk factor) with
state, date, file and the curator's confirmation, and its checklist across all roadmaps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.errors import UserError
from desktop.models import Roadmap, School, SchoolDocument, Section
from desktop.models.checklist import CELL_LABELS, DOC_STATE_LABELS, DocState
from desktop.models.enums import DocumentKind, label
from desktop.models.versions import RecordKey, Seen, Version, keys, read_versions
from desktop.services.checklist import cell_states, load_schools
from desktop.services.progress import concerned_schools
from desktop.visible import visible

#: the fields of a concept document the card edits
DOC_FIELDS = ("state", "title", "date", "file_id", "confirmed_by_curator", "confirmed_on")


@dataclass(frozen=True)
class DocKey:
    kind: DocumentKind
    risk_factor_id: int | None = None


def _load(session: Session, school_id: int) -> School:
    school = session.scalars(select(School).where(School.id == school_id).options(
        selectinload(School.documents).selectinload(SchoolDocument.file),
        selectinload(School.risk_factors), selectinload(School.project_years),
        selectinload(School.curator))).one_or_none()
    if school is None:
        raise UserError("Школа не найдена (возможно, удалена)")
    return school


def expected_documents(school: School) -> list[tuple[DocKey, str]]:
    """The documents the school should have, with their names, in card order."""
    keys = [(DocKey(DocumentKind.CONCEPT), label(DocumentKind.CONCEPT)),
            (DocKey(DocumentKind.MID_TERM_PROGRAM), label(DocumentKind.MID_TERM_PROGRAM))]
    keys += [(DocKey(DocumentKind.ANTI_RISK_PROGRAM, f.id),
              f"{label(DocumentKind.ANTI_RISK_PROGRAM)}: {f.number}. {f.title}")
             for f in school.risk_factors]
    return keys


def _find(school: School, key: DocKey) -> SchoolDocument | None:
    return next((d for d in school.documents
                 if d.kind is key.kind and d.risk_factor_id == key.risk_factor_id), None)


def seen_versions(session: Session, school_id: int) -> dict[RecordKey, Version]:
    """The versions of the school and its documents as the card shows them (what an edit
    of a document begins from; see :func:`desktop.ui.commands.push`)."""
    ids = session.scalars(select(SchoolDocument.id)
                          .where(SchoolDocument.school_id == school_id)).all()
    return Seen(read_versions(session, [("schools", school_id), *keys(SchoolDocument, ids)]),
                ("schools", "school_documents"))


def card(session: Session, school_id: int) -> dict[str, Any]:
    """The card's content as plain values."""
    school = _load(session, school_id)
    documents = []
    keys = expected_documents(school)
    extra = [(DocKey(d.kind, d.risk_factor_id), label(d.kind)) for d in school.documents
             if DocKey(d.kind, d.risk_factor_id) not in {k for k, _ in keys}]
    for key, name in keys + extra:
        doc = _find(school, key)
        values = document_values(doc)
        documents.append({
            "id": doc.id if doc else None, "key": key, "name": name, **values,
            "state_label": DOC_STATE_LABELS[DocState(values["state"])],
            "file_name": visible(doc.file.original_name) if doc and doc.file else "",
        })
    return {
        "id": school.id, "short_name": school.short_name, "full_name": school.full_name,
        "director": school.director, "curator": school.curator.name if school.curator else "",
        "categories": school.categories(),
        "risk_factors": [f"{f.number}. {f.title}" for f in school.risk_factors],
        "documents": documents,
        "checklist": school_checklist(session, school.id),
    }


def document_values(doc: SchoolDocument | None) -> dict[str, Any]:
    if doc is None:
        return {"state": DocState.NONE.value, "title": "", "date": None, "file_id": None,
                "confirmed_by_curator": False, "confirmed_on": None}
    return {name: getattr(doc, name) for name in DOC_FIELDS}


def get_document(session: Session, school_id: int, key: DocKey) -> dict[str, Any] | None:
    """The stored values of one document (None when the school has no record of it)."""
    doc = _find(_load(session, school_id), key)
    return None if doc is None else document_values(doc)


def document_id(session: Session, school_id: int, key: DocKey) -> int | None:
    """The stored document's id (None when the school has no record of it)."""
    session.flush()
    doc = _find(_load(session, school_id), key)
    return None if doc is None else doc.id


def set_document(session: Session, school_id: int, key: DocKey,
                 values: dict[str, Any] | None, *, record_id: int | None = None) -> None:
    """Store the document's values; None removes its record (an undo of its creation).
    ``record_id``: the id a new record takes (a redo brings back the record it undid)."""
    school = _load(session, school_id)
    doc = _find(school, key)
    if values is None:
        if doc is not None:
            school.documents.remove(doc)
        return
    if values.get("state") not in {s.value for s in DocState}:
        raise UserError("Неизвестное состояние документа")
    if doc is None:
        doc = SchoolDocument(id=record_id, kind=key.kind, risk_factor_id=key.risk_factor_id)
        school.documents.append(doc)
    for name in DOC_FIELDS:
        setattr(doc, name, values[name])


def school_checklist(session: Session, school_id: int) -> list[dict[str, Any]]:
    """Every item of every roadmap that concerns the school, with the school's cell."""
    schools = load_schools(session)
    roadmaps = session.scalars(select(Roadmap).order_by(Roadmap.period_start.desc()).options(
        selectinload(Roadmap.sections).selectinload(Section.items))).all()
    found = []
    for roadmap in roadmaps:
        year = roadmap.period_start.year
        for item in roadmap.all_items():
            if any(s.id == school_id for s in concerned_schools(item, schools, year)):
                found.append((roadmap, item))
    states = cell_states(session, [(item.id, school_id) for _, item in found])
    rows = []
    for roadmap, item in found:
        state = states[(item.id, school_id)]
        rows.append({"id": item.id, "roadmap": roadmap.title, "roadmap_id": roadmap.id,
                     "number": item.number, "activity": item.activity,
                     "deadline": item.deadline_text, "status": CELL_LABELS[state.status],
                     "date": state.date, "evidence": "; ".join(
                         e.text or e.file_name for e in state.evidence)})
    return rows

