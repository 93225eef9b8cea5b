"""File → Export → «Пакет для региона (.dkp)…»: the same writer as ``export package``,
asking whether to put the evidence files in and where to save, behind a progress dialog;
the message at the end names the package's number and the district key's fingerprint (what
the region compares by telephone when the key changes)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.services.operations import writing
from desktop.ui.background import run_with_progress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.models.database import Database
    from desktop.ui.dialogs import Dialogs

TITLE = "Пакет для региона"


def export_package(parent: QWidget | None, database: Database, dialogs: Dialogs,
                   suggested: Path, *, target: Path | None = None,
                   with_evidence: bool | None = None) -> Path | None:
    """Write the package; returns its path (None when cancelled or refused)."""
    from desktop.exchange.signing import fingerprint
    from desktop.export.package import MAX_EVIDENCE_BYTES, signing_identity, write_package

    if with_evidence is None:
        with_evidence = dialogs.confirm(
            parent, TITLE, f"Вложить в пакет файлы подтверждений (до "
                           f"{MAX_EVIDENCE_BYTES // 2**20} МБ вместе)?\n\n«Нет» — только "
                           "сведения: названия, номера и даты документов.")
    target = target or dialogs.save_file(parent, TITLE, suggested, "Пакет обмена (*.dkp)")
    if target is None:
        return None
    if target.suffix.lower() != ".dkp":
        target = target.with_name(target.name + ".dkp")

    def work(_progress: object) -> str:
        # a file without a profile gets its UUID, the first export its signing key
        with writing(database) as session:
            write_package(session, target, db_path=database.path,
                          with_evidence=bool(with_evidence))
            identity = signing_identity(session)
            return (f"Номер пакета: {identity.package_sequence}; отпечаток ключа подписи "
                    f"района: {fingerprint(identity.public_key)}")

    outcome = run_with_progress(parent, f"Выгрузка: {target.name}", work)
    if outcome.error is not None:
        dialogs.error(parent, "Пакет не выгружен", outcome.error)
        return None
    if not outcome.ok:
        return None
    dialogs.info(parent, TITLE, f"Пакет сохранён:\n{target}\n\n{outcome.result}\n\n"
                                "Отправьте его в регион.")
    return target
