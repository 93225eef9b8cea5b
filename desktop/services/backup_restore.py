"""Putting a copy's evidence files beside the database, so that they can be taken back (no Qt).

The evidence folder is named by content (``evidence/ab/<sha256>.ext``): a file the copy
brings is either new or, under the same name, the same content. New files are renamed
in from the staging folder; an existing file whose content no longer matches its name
(damaged) is moved aside and replaced. Until :meth:`Placed.commit`, :func:`take_back`
undoes all of it, so a restore whose database step fails leaves the folder as it was.
Files the restored database does not refer to are left alone: another database in the
same folder may share them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop.errors import UserError
from desktop.services.backup_archive import sha256_of


@dataclass
class Placed:
    """What :func:`put_evidence_in_place` changed."""

    added: list[Path] = field(default_factory=list)
    #: (the file put in place, where the damaged one it replaced was moved)
    replaced: list[tuple[Path, Path]] = field(default_factory=list)

    def commit(self) -> None:
        """The restore succeeded: the damaged files moved aside are no longer needed."""
        for _target, aside in self.replaced:
            aside.unlink(missing_ok=True)
        self.added.clear()
        self.replaced.clear()


def put_evidence_in_place(db_path: Path, evidence: list[tuple[str, Path]]) -> Placed:
    placed = Placed()
    try:
        for relative, staged in evidence:
            target = Path(db_path).parent / relative
            if target.is_file() and not target.is_symlink():
                if sha256_of(target) == relative.rsplit("/", 1)[-1].split(".", 1)[0]:
                    continue
                aside = target.with_name(target.name + ".replaced")
                os.replace(target, aside)
                placed.replaced.append((target, aside))
                os.replace(staged, target)
                continue
            if target.is_symlink() or target.exists():
                raise UserError(f"В папке файлов подтверждений на месте файла лежит другое: "
                                f"{target}. Ничего не изменено")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
            placed.added.append(target)
    except OSError as exc:
        take_back(placed)
        raise UserError(f"Не удалось положить файлы подтверждений в папку данных "
                        f"({exc.strerror}); ничего не изменено") from exc
    except BaseException:
        take_back(placed)
        raise
    return placed


def take_back(placed: Placed) -> None:
    """Undo :func:`put_evidence_in_place`: the added files removed, the replaced put back."""
    for target in placed.added:
        target.unlink(missing_ok=True)
    for target, aside in placed.replaced:
        os.replace(aside, target)
    placed.added.clear()
    placed.replaced.clear()
