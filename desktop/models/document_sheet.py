"""The «Документ» sheet of the program's own workbook: every part of the roadmap document
in rows a person can read (part | name | text), which the importer reads back.

Only the words shared by the writer (:mod:`desktop.export.xlsx_document`) and the reader
(:mod:`desktop.importers.document_sheet`) live here.
"""

from __future__ import annotations

SHEET = "Документ"
MARKER = "Документ целиком: части, приказ, грифы, рабочая группа, приложения"
HEADINGS = ("Часть", "Название", "Текст")

TITLE = "Название"
LEVEL = "Уровень"
PERIOD = "Период"
ORDER_OF_PARTS = "Порядок частей"
GOAL = "Цель"
TASKS = "Задачи"
BASIS = "Документы-основания"
JUSTIFICATION = "Обоснование"
PASSPORT = "Паспорт"
PASSPORT_HEADING = "Заголовок паспорта"
INDICATOR_PERIODS = "Периоды показателей"
INDICATOR = "Целевой показатель"
WORKING_GROUP = "Рабочая группа"
CLOSING = "Подпись под картой"
APPROVAL = "Гриф"
#: an item's schools: name = its place in the table («7», counted from 1), text = the scope
#: word and the schools' short names («выбранные | БСШ1 | ОСШ»)
ITEM_SCHOOLS = "Школы мероприятия"
SCOPES = {"all_500": "все школы «500+»", "all_shnor": "все ШНОР", "chosen": "выбранные"}
SCHEDULE = "График"
SCHEDULE_ROW = "Строка графика"
GROUP = "группа"
#: the order: the label in column A and the Order / settings attribute it holds
ORDER_FIELDS: tuple[tuple[str, str], ...] = (
    ("Приказ: вид", "kind"),
    ("Приказ: вышестоящий орган", "parent_authority"),
    ("Приказ: орган", "authority"),
    ("Приказ: место", "place"),
    ("Приказ: номер", "number"),
    ("Приказ: дата", "date"),
    ("Приказ: заголовок", "title"),
    ("Приказ: преамбула", "preamble"),
    ("Приказ: должность подписанта", "signatory_position"),
    ("Приказ: подписант", "signatory_name"),
    ("Приказ: отметка о приложении", "appendix_mark"),
    ("Приказ: орган в отметке", "mark_authority"),
)
ORDER_POINT = "Приказ: пункт"
#: how the order's date line was typed (print settings kept from the document)
DATE_IN_WORDS = "Приказ: дата словами"
DATE_WITH_OT = "Приказ: «от» перед датой"
YES = "да"
LEVELS = {"regional": "региональный", "municipal": "муниципальный", "school": "школьный"}
APPROVAL_WORDS = {"submitted": "Проект внесен", "agreed": "СОГЛАСОВАНО", "approved": "УТВЕРЖДАЮ"}
SEPARATOR = " | "
