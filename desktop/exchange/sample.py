"""Generated district packages of a chosen size, for the benchmark, tests and screenshots.

Deterministic for a given district number: schools, one roadmap with sections, items
(some nested, with deadlines through the year), per-school marks and monitoring points.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from typing import Any

from desktop.exchange.signing import Signer

STATUSES = ("done", "done", "in_work", "planned", "cancelled", "done")


def sample_district(n: int) -> dict[str, Any]:
    return {"uuid": str(uuid.UUID(int=0xD15 << 100 | n)), "name": f"Управление образования "
            f"района № {n}", "short_name": f"УО района № {n}",
            "oktmo": f"04{n:06d}", "region": "Красноярский край"}


def sample_signer(n: int) -> Signer:
    """District ``n``'s signing key: fixed for the samples only (a real district's key is
    random, made on its first export)."""
    return Signer(hashlib.sha256(f"sample district {n}".encode()).hexdigest())


def sample_data(n: int, items: int = 150, schools: int = 20, year: int = 2026,
                done_shift: int = 0) -> dict[str, Any]:
    """District ``n``'s data; ``done_shift`` marks a few more items done (a later package)."""
    school_rows = [{"key": k + 1, "full_name": f"МБОУ СОШ № {k + 1} района {n}",
                    "short_name": f"СОШ{k + 1}", "director": "", "address": "", "phone": "",
                    "note": "", "is_shnor": k % 3 == 0, "is_shssu": False, "is_shfzr": False,
                    "post_project": False, "project_years": [year] if k % 2 == 0 else []}
                   for k in range(schools)]
    sections: list[dict[str, Any]] = []
    per_section = max(1, items // 5)
    for k in range(items):
        s = k // per_section
        if s >= len(sections):
            sections.append({"number": str(s + 1), "title": f"Раздел {s + 1}", "tasks": "",
                             "indicators": "", "items": []})
        month = k * 11 // items + 1
        due = dt.date(year, month, 28)
        status = STATUSES[(k + n + done_shift) % len(STATUSES)] if k % 4 else "planned"
        done = due if status == "done" else None
        key = k + 1
        own = sections[-1]["items"]
        parent = own[0]["key"] if own and k % 7 == 3 else None
        sections[-1]["items"].append({
            "key": key, "parent": parent, "number": f"{s + 1}.{len(own) + 1}",
            "activity": f"Мероприятие {key} района {n}",
            "deadline_text": f"до {due:%d.%m.%Y}", "tasks": "", "indicator": "",
            "evidence": "", "info_support": "", "status": status,
            "done_date": done.isoformat() if done else None, "note": "",
            "school_scope": "chosen", "executors": ["РМК", "Руководители школ"],
            "schools": [sch["key"] for sch in school_rows],
            "marks": [{"school": sch["key"], "status": status,
                       "date": done.isoformat() if done else None, "evidence": "",
                       "comment": "", "documents": []} for sch in school_rows]})
    roadmap = {"key": 1, "title": f"Дорожная карта района № {n} на {year} год", "goal": "",
               "tasks": "", "basis_documents": "", "justification": "", "passport_problem": "",
               "passport_developer": "", "passport_stages": "", "passport_working_group": "",
               "closing_position": "", "closing_name": "", "level": "municipal",
               "status": "approved", "period_start": f"{year}-01-01",
               "period_end": f"{year}-12-31", "columns": [], "indicator_periods": [],
               "layout": {}, "indicators": [], "appendices": [],
               "monitoring_points": [
                   {"date": f"{year}-06-30", "target_min": 30.0, "target_max": 40.0,
                    "title": "I полугодие"},
                   {"date": f"{year}-12-25", "target_min": 100.0, "target_max": None,
                    "title": "Год"}],
               "sections": sections}
    return {"schools": school_rows, "roadmaps": [roadmap]}
