"""The question before a restore: what the copy holds beside what the database holds now.

Shown after the copy has been checked whole (checksums), before anything is replaced;
«Восстановить» replaces, «Отмена» changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.backup_reading import CopySummary


class RestoreSummaryDialog(QDialog):
    """The copy's date and kind, and its counts next to the current ones."""

    def __init__(self, summary: CopySummary, current: dict[str, int] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Восстановить из копии"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        kind = (self.tr("архив: база данных и файлы подтверждений") if summary.is_archive
                else self.tr("только файл базы данных (копия старого вида, без файлов "
                             "подтверждений)"))
        heading = QLabel(self.tr("<b>Копия от {made}</b><br>{name}<br>{kind}").format(
            made=summary.made.strftime("%d.%m.%Y %H:%M"), name=summary.path, kind=kind), self)
        heading.setWordWrap(True)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(self._bold(self.tr("В копии")), 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self._bold(self.tr("Сейчас в базе")), 0, 2, Qt.AlignmentFlag.AlignRight)
        rows = [(self.tr("Дорожных карт"), summary.roadmaps, "roadmaps"),
                (self.tr("Мероприятий"), summary.items, "items"),
                (self.tr("Школ"), summary.schools, "schools"),
                (self.tr("Файлов подтверждений"), summary.evidence_files, "evidence_files")]
        self.values: dict[str, tuple[str, str]] = {}
        for n, (label, in_copy, key) in enumerate(rows, 1):
            now = "—" if current is None else str(current.get(key, 0))
            shown = "—" if key == "evidence_files" and not summary.is_archive else str(in_copy)
            grid.addWidget(QLabel(label, self), n, 0)
            grid.addWidget(QLabel(shown, self), n, 1, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(QLabel(now, self), n, 2, Qt.AlignmentFlag.AlignRight)
            self.values[key] = (shown, now)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)

        notes = [self.tr("Копия проверена: все файлы в ней целы.") if summary.is_archive
                 else self.tr("Файл копии проверен: это исправная база данных.")]
        if not summary.is_archive and summary.evidence_referenced:
            notes.append(summary.plain_evidence_note() + ".")
        if summary.missing_evidence:
            notes.append(self.tr("Когда копию делали, не нашлось файлов подтверждений: {n}; "
                                 "их в копии нет.").format(n=len(summary.missing_evidence)))
        notes.append(self.tr("Текущая база данных и её файлы подтверждений будут сначала "
                             "сохранены архивом в папку копий (backups), затем заменены "
                             "копией."))
        note = QLabel("\n".join(notes), self)
        note.setWordWrap(True)
        layout.addWidget(note)

        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("Восстановить"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _bold(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label
