"""What the editor's actions do: turn a request into an undo command and push it.

Every handler builds a command (which may fail at once — the item was deleted
behind the editor's back — with a Russian :class:`UserError`), pushes it on the
window's stack and shows any error through the page's ``dialogs``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from desktop.errors import UserError
from desktop.lazy import lazy_module
from desktop.models.columns import Column, Field
from desktop.models.enums import ItemStatus
from desktop.ui.editor.actions import ActionSpec, EditorActions
from desktop.ui.editor.delegates import SchoolsEditor
from desktop.ui.editor.nodes import Node

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.ui.commands import CommittingCommand
    from desktop.ui.editor.clipboard import PastedBlock
    from desktop.ui.editor.host import EditorHost

# the handlers' machinery (SQLAlchemy behind it) loads when first used, after the start
numbering = lazy_module("desktop.services.numbering")
structure = lazy_module("desktop.services.structure")
editing = lazy_module("desktop.services.editing")
commands = lazy_module("desktop.ui.commands")
editor_commands = lazy_module("desktop.ui.editor.commands")
clipboard = lazy_module("desktop.ui.editor.clipboard")

TITLE = "Изменение не сохранено"


def numbers_text(numbers: list[str], *, most: int = 6) -> str:
    """«2.4, 2.5, 2.6» — and «…» with the last one when there are more than ``most``."""
    if len(numbers) <= most:
        return ", ".join(numbers)
    return ", ".join(numbers[:most - 1]) + f", …, {numbers[-1]}"


class EditorController:
    """The page's handlers; ``page`` supplies the database, stack, changes and dialogs."""

    def __init__(self, page: EditorHost) -> None:
        self.page = page
        tr = page.tr
        self.actions = EditorActions(page.tree, [
            ActionSpec("add", tr("Добавить"), self.add_item, ("Insert", "Ctrl+Return"),
                       tr("Добавить мероприятие после текущего")),
            ActionSpec("add_section", tr("Раздел"), self.add_section, ("Ctrl+Shift+Insert",),
                       tr("Добавить раздел")),
            ActionSpec("delete", tr("Удалить"), self.delete, ("Delete",)),
            None,
            ActionSpec("up", tr("Вверх"), lambda: self.move(-1), ("Ctrl+Up",)),
            ActionSpec("down", tr("Вниз"), lambda: self.move(1), ("Ctrl+Down",)),
            ActionSpec("outdent", tr("← Уровень"), self.outdent, ("Ctrl+Left",),
                       tr("Поднять уровень (Shift+Tab)")),
            ActionSpec("indent", tr("Уровень →"), self.indent, ("Ctrl+Right",),
                       tr("Сделать подпунктом (Tab)")),
            None,
            ActionSpec("renumber", tr("Перенумеровать"), self.renumber, (),
                       tr("Номера по порядку: 1, 1.1, 1.1.1")),
            ActionSpec("schools", tr("Школы…"), self.edit_schools, (),
                       tr("Каких школ касается мероприятие")),
            None,
            ActionSpec("copy", tr("Копировать"), self.copy, ("Ctrl+C",)),
            ActionSpec("paste", tr("Вставить"), self.paste, ("Ctrl+V",),
                       tr("Вставить строки из Excel или Word после текущей")),
        ])
        self._executor_names: list[str] = []

    # -- plumbing -------------------------------------------------------------
    @property
    def database(self) -> Any:
        return self.page.source.database

    def run(self, make: Callable[[], CommittingCommand],
            offer: Callable[[CommittingCommand], bool] | None = None,
            ) -> CommittingCommand | None:
        """Build and push a command; errors go to the dialogs (``offer``: see
        :func:`desktop.ui.commands.push`). None when nothing was stored."""
        page = self.page
        if self.database is None:  # the first view at start-up: the database is opening
            return None
        try:
            command = make()
        except UserError as exc:
            page.dialogs.error(page, TITLE, exc.message)
            page.rebuild()
            return None
        if getattr(command, "is_noop", lambda: False)():
            return None
        shown = page.model.roadmap  # the rows as the user saw them when the edit began
        if not commands.push(page.undo_stack, command, page.dialogs, page,
                             seen=shown.versions if shown is not None else None, offer=offer):
            page.rebuild()
            return None
        return command

    def roadmap_id(self) -> int | None:
        return self.page.current_roadmap_id()

    def refresh_directory(self) -> None:
        if self.page.source is None:
            return
        self._executor_names = self.page.source.executor_names()
        self.page.delegate.executor_names = self._executor_names
        self.page.filter_bar.set_choices(self.page.model.roadmap, self._executor_names)

    # -- fields ---------------------------------------------------------------
    def edit_field(self, item_id: int, field: Field, value: Any) -> None:
        field = Field(field)
        db, changes = self.database, self.page.changes
        if field is Field.EXECUTORS:
            self.set_executors(item_id, str(value))
        elif field is Field.SCHOOLS:
            scope, ids = value
            self.run(lambda: editor_commands.SetSchoolsCommand(db, changes, [item_id], scope,
                                                               ids))
        elif field is Field.DONE_DATE:
            text = str(value or "").strip()
            try:
                day = dt.datetime.strptime(text, "%d.%m.%Y").date() if text else None
            except ValueError:
                self.page.dialogs.error(self.page, TITLE, self.page.tr(
                    "Дата выполнения пишется так: 15.02.2026"))
                return
            self.run(lambda: commands.SetItemFieldCommand(db, changes, item_id, field, day))
        else:
            self.run(lambda: commands.SetItemFieldCommand(db, changes, item_id, field, value),
                     offer=lambda refused: self.offer_again(refused, item_id, field, value))

    def offer_again(self, refused: CommittingCommand, item_id: int, field: Field,
                    value: Any) -> bool:
        """Another user changed the row since the user began typing: their value is kept and
        shown, the page re-reads, and the user's typed value is offered again, not lost."""
        page = self.page
        page.rebuild()
        try:
            with self.database.reading() as session:
                current = editing.get_item_field(editing.load_item(session, item_id), field)
        except UserError:  # the row was deleted meanwhile
            page.dialogs.error(page, TITLE, refused.error or "")
            return False
        question = page.tr("{error}\n\nСейчас в базе: «{current}»\nВаше значение: «{value}»"
                           "\n\nЗаписать ваше значение?").format(
            error=refused.error, current=_shown(current), value=_shown(value))
        if not page.dialogs.confirm(page, page.tr("Запись изменена другим пользователем"),
                                    question):
            return False
        db, changes = self.database, page.changes
        return self.run(lambda: commands.SetItemFieldCommand(
            db, changes, item_id, field, value)) is not None

    def set_executors(self, item_id: int, text: str) -> None:
        if self.database is None:
            return
        with self.database.reading() as session:
            entries, unknown = editing.resolve_executors(session, text)
        new = [name for name in dict.fromkeys(unknown) if self.page.dialogs.confirm(
            self.page, self.page.tr("Новый исполнитель"),
            self.page.tr("«{name}» нет в справочнике. Добавить как организацию?").format(
                name=name))]
        self.run(lambda: editor_commands.SetExecutorsCommand(self.database, self.page.changes, item_id, entries,
                                             new_organisations=new))

    def tick(self, item_id: int, done: bool) -> None:
        status = ItemStatus.DONE if done else ItemStatus.PLANNED
        self.run(lambda: commands.SetItemFieldCommand(
            self.database, self.page.changes, item_id, Field.STATUS, status,
            text=self.page.tr("отметка «выполнено»") if done else self.page.tr("снятие отметки")))

    def selected_items(self) -> list[Node]:
        """The item rows selected (in the tree's order), else the current item row."""
        nodes = [self.page.model.item_node(i) for kind, i in self.page.selected_keys()
                 if kind == "item"]
        chosen = [n for n in nodes if n is not None]
        if chosen:
            return chosen
        current = self._current_item()
        return [current] if current is not None else []

    def edit_schools(self) -> None:
        """«Школы…»: one scope for every selected item (one undo step)."""
        nodes = self.selected_items()
        data = self.page.model.roadmap
        if not nodes or data is None:
            return
        tr = self.page.tr
        current = self._current_item()
        shown = current if current in nodes else nodes[0]
        dialog = QDialog(self.page)
        choices = tr("всех школ проекта «500+» года дорожной карты, всех ШНОР, только "
                     "отмеченных в списке — или «не по школам». От этого зависят столбцы "
                     "чек-листа и отчёт по школам.")
        if len(nodes) == 1:
            dialog.setWindowTitle(tr("Школы мероприятия {n}").format(n=shown.number))
            text = tr("Каких школ касается мероприятие {n}: {choices}").format(
                n=shown.number, choices=choices)
        else:
            dialog.setWindowTitle(tr("Школы мероприятий ({count})").format(count=len(nodes)))
            text = tr("Выбрано мероприятий: {count} ({numbers}). Выбор запишется всем им "
                      "одним действием (его можно отменить).\n\nКаких школ они касаются: "
                      "{choices}").format(count=len(nodes),
                                          numbers=numbers_text([n.number for n in nodes]),
                                          choices=choices)
        explanation = QLabel(text, dialog)
        explanation.setWordWrap(True)
        editor = SchoolsEditor(data.schools, dialog)
        editor.set_value(shown.school_scope, sorted(shown.school_ids))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(explanation)
        layout.addWidget(editor)
        layout.addWidget(buttons)
        dialog.resize(460, 420)
        item_ids = [n.id for n in nodes]
        dialog.accepted.connect(lambda: self.set_schools(item_ids, *editor.value()))
        self.schools_dialog = dialog
        dialog.open()  # window-modal without a nested event loop

    def set_schools(self, item_ids: list[int], scope: Any, school_ids: list[int]) -> None:
        """Write one scope to ``item_ids`` as one command; the status bar says how many
        items changed (none, when all had it already)."""
        if self.database is None:
            return
        command = None

        def make() -> CommittingCommand:
            nonlocal command
            command = editor_commands.SetSchoolsCommand(self.database, self.page.changes,
                                                        item_ids, scope, school_ids)
            return command

        stored = self.run(make)
        tr = self.page.tr
        if command is None or (stored is None and not command.is_noop()):
            return  # refused: the error was shown
        count, changed = len(item_ids), len(command.item_ids) if stored is not None else 0
        if not changed:
            text = tr("«Школы» не изменились: у выбранных мероприятий ({count}) уже так").format(
                count=count)
        elif count == 1:
            text = tr("«Школы» изменены у мероприятия {n}").format(n=self._number(item_ids[0]))
        else:
            text = tr("«Школы» изменены у мероприятий: {changed} из {count}").format(
                changed=changed, count=count)
        self.say(text)

    def _number(self, item_id: int) -> str:
        node = self.page.model.item_node(item_id)
        return node.number if node is not None else ""

    def say(self, text: str) -> None:
        """A message in the window's status bar (for ten seconds)."""
        window = self.page.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 10000)

    # -- structure ------------------------------------------------------------
    def _structure(self, command: Callable[[Any, Any, int], CommittingCommand],
                   select_item: int | None = None) -> CommittingCommand | None:
        roadmap_id = self.roadmap_id()
        if roadmap_id is None:
            return None
        return self.run(lambda: command(self.database, self.page.changes, roadmap_id))

    def _place_after_current(self) -> tuple[int, int | None, int] | None:
        """(section, parent, position) just after the current row."""
        node = self.page.current_node()
        data = self.page.model.roadmap
        if data is None or not data.root.children:
            return None
        if node is None:
            section = data.root.children[-1]
            return section.id, None, len(section.children)
        if node.kind == "section":
            return node.id, None, 0
        parent = node.parent
        assert parent is not None
        return node.section_id, parent.id if parent.kind == "item" else None, \
            parent.children.index(node) + 1

    def add_item(self) -> None:
        place = self._place_after_current()
        if place is None:  # an empty roadmap: a flat list, no section forced on the user
            first = self._structure(lambda db, ch, rid: editor_commands.InsertCommand(
                db, ch, rid, self.page.tr("добавление мероприятия"),
                lambda s: [structure.add_first_item(s, rid)], sections=True))
            if isinstance(first, editor_commands.InsertCommand) and first.created:
                section = self.page.model.section_node(first.created[0])
                if section is not None and section.children:
                    self.page.select_item(section.children[0].id)
            return
        section_id, parent_id, position = place
        command = self._structure(lambda db, ch, rid: editor_commands.InsertCommand(
            db, ch, rid, self.page.tr("добавление мероприятия"),
            numbering.keeping_order(lambda s: [structure.add_item(
                s, section_id=section_id, parent_id=parent_id, position=position)], rid)))
        if isinstance(command, editor_commands.InsertCommand) and command.created:
            self.page.select_item(command.created[0])

    def add_section(self) -> None:
        node = self.page.current_node()
        data = self.page.model.roadmap
        position = None
        if node is not None and data is not None:
            section = self.page.model.section_node(node.section_id)
            position = data.root.children.index(section) + 1 if section else None
        self._structure(lambda db, ch, rid: editor_commands.InsertCommand(
            db, ch, rid, self.page.tr("добавление раздела"),
            numbering.keeping_order(lambda s: [structure.add_section(
                s, rid, position=position, title=self.page.tr("Новый раздел"))], rid),
            sections=True))

    def delete(self) -> None:
        current = self.page.current_node()
        keys = self.page.selected_keys() or ([(current.kind, current.id)] if current else [])
        items = [i for kind, i in keys if kind == "item"]
        sections = [i for kind, i in keys if kind == "section"]
        if not items and not sections:
            return
        question = self.page.tr("Удалить выбранные строки ({n}) вместе с подпунктами?").format(
            n=len(keys))
        if not self.page.dialogs.confirm(self.page, self.page.tr("Удаление"), question):
            return
        self._structure(lambda db, ch, rid: editor_commands.DeleteCommand(
            db, ch, rid, self.page.tr("удаление строк ({n})").format(n=len(keys)),
            item_ids=items, section_ids=sections, keep_order=True))

    def _layout(self, text: str, operation: Callable[[Any], Any]) -> None:
        self._structure(lambda db, ch, rid: editor_commands.LayoutCommand(
            db, ch, rid, text, numbering.keeping_order(operation, rid)))

    def move(self, delta: int) -> None:
        node = self.page.current_node()
        if node is None:
            return
        text = self.page.tr("перемещение вверх") if delta < 0 else self.page.tr("перемещение вниз")
        if node.kind == "section":
            self._layout(text, lambda s: structure.move_section(s, node.id, delta))
        else:
            self._layout(text, lambda s: structure.move_item(s, node.id, delta))

    def indent(self) -> None:
        node = self._current_item()
        if node is not None:
            self._layout(self.page.tr("понижение уровня ({n})").format(n=node.number),
                         lambda s: structure.indent_item(s, node.id))

    def outdent(self) -> None:
        node = self._current_item()
        if node is not None:
            self._layout(self.page.tr("повышение уровня ({n})").format(n=node.number),
                         lambda s: structure.outdent_item(s, node.id))

    def renumber(self) -> None:
        roadmap_id = self.roadmap_id()
        if roadmap_id is not None:
            self._layout(self.page.tr("перенумерация"),
                         lambda s: numbering.renumber(s, roadmap_id))

    def drop(self, ids: list[int], section_id: int, parent_id: int, row: int) -> None:
        self._layout(self.page.tr("перетаскивание"), lambda s: structure.move_items(
            s, ids, section_id, parent_id or None, row))

    def _current_item(self) -> Node | None:
        node = self.page.current_node()
        return node if node is not None and node.kind == "item" else None

    # -- clipboard ------------------------------------------------------------
    def copy(self) -> None:
        keys = [k for k in self.page.selected_keys() if k[0] == "item"]
        nodes = [self.page.model.item_node(i) for _, i in keys]
        rows = [n.cells for n in nodes if n is not None]
        if rows:
            QApplication.clipboard().setText(clipboard.rows_to_text(rows))

    def paste(self) -> None:
        data = self.page.model.roadmap
        rows = clipboard.text_to_rows(QApplication.clipboard().text())
        place = self._place_after_current()
        if data is None or not rows or place is None:
            return
        blocks = clipboard.split_blocks(rows, data.columns)
        text = self.page.tr("вставка строк ({n})").format(n=len(rows))
        stack = self.page.undo_stack
        stack.beginMacro(commands.undo_name(text))  # one undo for the rows and the sections they came with
        try:
            created = self._paste_blocks(blocks, place, data.columns, text)
        finally:
            stack.endMacro()
        if created:
            self.page.select_keys([("item", i) for i in created], ("item", created[0]))

    def _paste_blocks(self, blocks: list[PastedBlock], place: tuple[int, int | None, int],
                      columns: tuple[Column, ...], text: str) -> list[int]:
        """Rows under the current row, then a new section per pasted section row."""
        section_id, parent_id, position = place
        data = self.page.model.roadmap
        assert data is not None
        section = self.page.model.section_node(section_id)
        after = data.root.children.index(section) + 1 if section is not None else None
        created: list[int] = []
        for block in blocks:
            rows = block.rows
            if block.heading is None:
                # pasted rows keep the numbers they came with (the editor marks clashes)
                command = self._structure(lambda db, ch, rid, rows=rows: editor_commands.InsertCommand(
                    db, ch, rid, text, lambda s: clipboard.paste_rows(
                        s, rows, columns, section_id=section_id, parent_id=parent_id,
                        position=position)))
                if isinstance(command, editor_commands.InsertCommand):
                    created += command.created
                continue
            number, title = block.heading
            new_items: list[int] = []

            def make_section(s: Session, rid: int, number: str = number, title: str = title,
                             rows: list[list[str]] = rows, at: int | None = after,
                             new_items: list[int] = new_items) -> list[int]:
                new = structure.add_section(s, rid, position=at, title=title, number=number)
                new_items += clipboard.paste_rows(s, rows, columns, section_id=new, parent_id=None,
                                        position=0)
                return [new]

            self._structure(lambda db, ch, rid, make=make_section: editor_commands.InsertCommand(
                db, ch, rid, text, lambda s: make(s, rid), sections=True))
            created += new_items
            after = None if after is None else after + 1
        return created


def _shown(value: Any) -> str:
    """A field's value as the question shows it (a long text shortened)."""
    text = "" if value is None else getattr(value, "value", value)
    text = str(text)
    return text if len(text) <= 300 else text[:297] + "…"
