"""The domain: SQLAlchemy 2 tables and plain logic. Never imports Qt.

Names are loaded on first use (PEP 562) so that the pure modules (enums,
columns, deadline) can be imported without SQLAlchemy, which keeps the
window's start-up short. Asking for any table loads them all, so that
``Base.metadata`` is always complete.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "AppendixKind": "desktop.models.enums",
    "ApprovalKind": "desktop.models.enums",
    "Authority": "desktop.models.authority",
    "Base": "desktop.models.base",
    "CellEvidence": "desktop.models.checklist",
    "ChecklistChange": "desktop.models.checklist",
    "ChecklistRow": "desktop.models.roadmap",
    "District": "desktop.models.district",
    "DocumentKind": "desktop.models.enums",
    "EvidenceFile": "desktop.models.checklist_files",
    "Item": "desktop.models.roadmap",
    "ItemExecutor": "desktop.models.roadmap",
    "ItemStatus": "desktop.models.enums",
    "Level": "desktop.models.enums",
    "MonitoringPoint": "desktop.models.roadmap",
    "Order": "desktop.models.orders",
    "OrderAppendix": "desktop.models.orders",
    "OrderApproval": "desktop.models.orders",
    "OrderPoint": "desktop.models.orders",
    "OrderStatus": "desktop.models.enums",
    "Organisation": "desktop.models.directory",
    "Person": "desktop.models.directory",
    "RiskFactor": "desktop.models.schools",
    "PartKey": "desktop.models.roadmap_parts",
    "Roadmap": "desktop.models.roadmap",
    "RoadmapAppendix": "desktop.models.roadmap_parts",
    "RoadmapAppendixRow": "desktop.models.roadmap_parts",
    "RoadmapStatus": "desktop.models.enums",
    "ScheduleEntry": "desktop.models.orders",
    "School": "desktop.models.schools",
    "SchoolDocument": "desktop.models.schools",
    "SchoolPeriod": "desktop.models.school_calendar",
    "SchoolProjectYear": "desktop.models.schools",
    "SchoolScope": "desktop.models.enums",
    "SigningIdentity": "desktop.models.signing",
    "TargetIndicator": "desktop.models.roadmap_parts",
    "Section": "desktop.models.roadmap",
    "WorkingGroupMember": "desktop.models.orders",
}

#: the modules defining tables, imported together
_TABLE_MODULES = (
    "desktop.models.authority",
    "desktop.models.checklist_files",
    "desktop.models.district",
    "desktop.models.signing",
    "desktop.models.school_calendar",
    "desktop.models.directory",
    "desktop.models.schools",
    "desktop.models.orders",
    "desktop.models.roadmap_parts",
    "desktop.models.roadmap",
    "desktop.models.checklist",
)

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'desktop.models' has no attribute {name!r}")
    for table_module in _TABLE_MODULES:
        importlib.import_module(table_module)
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from desktop.models.authority import Authority
    from desktop.models.base import Base
    from desktop.models.checklist import CellEvidence, ChecklistChange
    from desktop.models.checklist_files import EvidenceFile
    from desktop.models.directory import Organisation, Person
    from desktop.models.district import District
    from desktop.models.enums import (
        AppendixKind,
        ApprovalKind,
        DocumentKind,
        ItemStatus,
        Level,
        OrderStatus,
        RoadmapStatus,
        SchoolScope,
    )
    from desktop.models.orders import (
        Order,
        OrderAppendix,
        OrderApproval,
        OrderPoint,
        ScheduleEntry,
        WorkingGroupMember,
    )
    from desktop.models.roadmap import (
        ChecklistRow,
        Item,
        ItemExecutor,
        MonitoringPoint,
        Roadmap,
        Section,
    )
    from desktop.models.roadmap_parts import (
        PartKey,
        RoadmapAppendix,
        RoadmapAppendixRow,
        TargetIndicator,
    )
    from desktop.models.school_calendar import SchoolPeriod
    from desktop.models.schools import RiskFactor, School, SchoolDocument, SchoolProjectYear
    from desktop.models.signing import SigningIdentity
