"""Issue 22: the whole document around the roadmap table — requisites in every typed form,
the roadmap's own title, the level, the passport, goals/tasks/basis/justification, month
schedules over several pages, a row split after a typed header, done marks — read from
documents built in each shape, written to the database and printed again."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from desktop.export.docx_order import export_order_docx
from desktop.export.docx_roadmap import export_roadmap_docx
from desktop.export.pdf_order import export_order_pdf
from desktop.export.pdf_roadmap import export_roadmap_pdf
from desktop.export.xlsx import export_roadmap_xlsx
from desktop.export.xlsx_document import document_rows
from desktop.importers import read_file
from desktop.importers.requisites import find_date, is_blank_date, level_of, split_authority
from desktop.importers.writer import plan_directory, write_preview
from desktop.models import Order, Roadmap, School
from desktop.models.enums import ItemStatus, Level, SchoolScope
from desktop.services.document_parts import PassportPart, passport_rows, roadmap_parts
from tests.import_docs import HEADER4, p, row, tbl, tc, tr, write_docx

LONG = ("Таким образом, констатируем, что реализация плана мероприятий в предыдущем году "
        "показала необходимость продолжить работу со школами, имеющими низкие результаты, "
        "и выстроить систему адресной помощи на всех уровнях управления образованием.")


def test_dates_in_every_typed_form() -> None:
    assert find_date("от « 30 » 12. 2021 г.") == dt.date(2021, 12, 30)
    assert find_date("Утвержден приказом от 30.12.21 № 3872") == dt.date(2021, 12, 30)
    assert find_date("«30» декабря 2021 г.") == dt.date(2021, 12, 30)
    assert find_date("« 13 » января 2023 года") == dt.date(2023, 1, 13)
    assert find_date("пункт 2.1.15.3 положения") is None
    assert find_date("«__» ______ 2022") is None and is_blank_date("«__» ______ 2022")
    assert split_authority(["АДМИНИСТРАЦИЯ ЕРМАКОВСКОГО РАЙОНА", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ"]) == \
        ("АДМИНИСТРАЦИЯ ЕРМАКОВСКОГО РАЙОНА", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ")
    assert level_of("Министерство образования Калининградской области") == "regional"
    assert level_of("Департамент образования Ярославской области") == "regional"
    assert level_of("Управление образования администрации Балахтинского района") == "municipal"


def _regional(tmp_path: Path) -> Path:
    return write_docx(
        tmp_path / "regional.docx",
        p("МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ"), p("ЗАБАЙКАЛЬСКОГО КРАЯ"),
        p("П Р И К А З"), p("от « 30 » 12. 2021 г."), p("№ 3872"), p("г. Чита"),
        p("Об утверждении дорожной карты (плана мероприятий)"),
        p("по поддержке школ с низкими результатами обучения"),
        p("В целях повышения качества образования"), p("п р и к а з ы в а ю:"),
        p("1. Утвердить дорожную карту (приложение)."),
        p("2. Контроль оставляю за собой."),
        p("Министр"), p("А.А. Петрова"),
        p("Утверждена приказом Министерства образования и науки Забайкальского края"),
        p("от 30.12.21 № 3872"),
        p("Дорожная карта (план мероприятий)"),
        p("по поддержке школ с низкими результатами обучения на 2022 год"),
        p("Паспорт дорожной карты"),
        p("Описание проблемы"),
        p("По итогам ВПР в крае 48 школ показали низкие результаты."),
        p("Причины:"),
        p("1. Дефицит кадров;"),
        p("2. Низкая мотивация обучающихся."),
        p("Состав рабочей группы: Иванов И.И., Сидорова А.А."),
        p("Ожидаемые результаты"),
        p(LONG),
        tbl(tr(tc("№"), tc("Мероприятие"), tc("Срок"), tc("Исполнители")),
            row("1.", "Диагностика школ", "Январь 2022", "ИРО"),
            row("2.", "Консультации", "17.01.2022 – 04.02.2022 (исполнено)", "ИРО")),
        numbering=False)


def test_regional_order_with_passport(tmp_path: Path, db) -> None:
    preview = read_file(_regional(tmp_path))
    order = preview.order
    assert order is not None and order.own
    assert order.authority == "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ\nЗАБАЙКАЛЬСКОГО КРАЯ"
    assert (order.date, order.number, order.place) == (dt.date(2021, 12, 30), "3872", "г. Чита")
    assert order.title == ("Об утверждении дорожной карты (плана мероприятий) по поддержке "
                           "школ с низкими результатами обучения")
    assert order.signatory_name == "А.А. Петрова"
    assert (order.mark_date, order.mark_number) == (dt.date(2021, 12, 30), "3872")
    assert preview.title == ("Дорожная карта (план мероприятий) по поддержке школ с низкими "
                             "результатами обучения на 2022 год")
    assert preview.level == "regional"
    assert preview.passport_problem.splitlines() == [
        "По итогам ВПР в крае 48 школ показали низкие результаты.", "Причины:",
        "1. Дефицит кадров;", "2. Низкая мотивация обучающихся."]
    assert preview.passport_working_group == "Иванов И.И., Сидорова А.А."
    assert ("Ожидаемые результаты", LONG) in preview.passport_rows
    with db.session() as session:
        roadmap_id = write_preview(session, preview).id
    with db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        assert roadmap.level is Level.REGIONAL
        assert roadmap.title.startswith("Дорожная карта (план мероприятий)")
        items = roadmap.all_items()
        assert [i.status for i in items] == [ItemStatus.PLANNED, ItemStatus.DONE]
        passport = next(x for x in roadmap_parts(roadmap) if isinstance(x, PassportPart))
        labels = [label for label, _text in passport.rows]
        assert labels == ["Описание проблемы", "Состав рабочей группы", "Ожидаемые результаты"]
        order_row = roadmap.approving_order
        assert order_row.settings["authority"].startswith("МИНИСТЕРСТВО")
        out = export_order_pdf(session, order_row.id, tmp_path / "order.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ ЗАБАЙКАЛЬСКОГО КРАЯ" in flat
    assert "30.12.2021" in flat and "№ 3872" in flat and "г. Чита" in flat
    assert "от 30.12.2021 № 3872" in flat  # the appendix mark has the number
    assert "А.А. Петрова" in flat
    assert "Описание проблемы" in flat and "Состав рабочей группы" in flat


def test_district_goals_tasks_basis_justification(tmp_path: Path, db) -> None:
    doc = write_docx(
        tmp_path / "district.docx",
        p("АДМИНИСТРАЦИЯ ЕРМАКОВСКОГО РАЙОНА"), p("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ"),
        p("ПРИКАЗ"), p("«__» ______ 2022"), p("№ ____"), p("с. Ермаковское"),
        p("Об утверждении муниципальной дорожной карты"),
        p("п р и к а з ы в а ю:"), p("1. Утвердить дорожную карту."),
        p("Руководитель управления"), p("О.В. Сидоров"),
        p("Приложение 1 к приказу от 30.12.2021 № 3872"),
        p("Муниципальная дорожная карта"), p("по сопровождению школ на 2022 год"),
        p("Цели:"), p("1. Повышение качества образования."), p("2. Снижение доли ШНОР."),
        p("Задачи:"), p("1. Провести диагностику."), p("2. Организовать консультации."),
        p("Документы, на основе которых разработана дорожная карта:"),
        p("Федеральный закон № 273-ФЗ «Об образовании в Российской Федерации»"),
        p("Приказ Минпросвещения России от 01.01.2021 № 1"),
        p("Обоснование целей и задач дорожной карты"),
        p("В районе шесть школ с низкими результатами."),
        p("Их доля выросла за два года."),
        tbl(row(*HEADER4), row("1.", "Совещание", "Январь 2022", "РУО")))
    preview = read_file(doc)
    order = preview.order
    assert order.parent_authority == "АДМИНИСТРАЦИЯ ЕРМАКОВСКОГО РАЙОНА"
    assert order.authority == "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ" and order.place == "с. Ермаковское"
    assert order.date is None and order.number == ""  # a blank to fill in
    assert (order.mark_date, order.mark_number) == (dt.date(2021, 12, 30), "3872")
    assert preview.level == "municipal"
    assert preview.title == "Муниципальная дорожная карта по сопровождению школ на 2022 год"
    assert preview.goal == "1. Повышение качества образования.\n2. Снижение доли ШНОР."
    assert preview.tasks == "1. Провести диагностику.\n2. Организовать консультации."
    assert preview.basis_documents.splitlines() == [
        "Федеральный закон № 273-ФЗ «Об образовании в Российской Федерации»",
        "Приказ Минпросвещения России от 01.01.2021 № 1"]
    assert preview.justification == ("В районе шесть школ с низкими результатами.\n"
                                     "Их доля выросла за два года.")
    assert preview.layout["headings"]["justification"] == "Обоснование целей и задач дорожной карты"
    assert not [w for w in preview.warnings if "Не распознано" in w]
    with db.session() as session:
        roadmap_id = write_preview(session, preview).id
    with db.session() as session:
        order_row = session.get(Roadmap, roadmap_id).approving_order
        # the date and number left blank in the order come from the appendix mark
        assert (order_row.date, order_row.number) == (dt.date(2021, 12, 30), "3872")
        assert order_row.settings["parent_authority"] == "АДМИНИСТРАЦИЯ ЕРМАКОВСКОГО РАЙОНА"


def test_approval_block_makes_no_order_and_unplaced_text_is_warned(tmp_path: Path, db) -> None:
    doc = write_docx(
        tmp_path / "approved.docx",
        p("УТВЕРЖДАЮ"), p("Начальник управления образования"), p("_______ Н.Н. Орлова"),
        p("«__» ______ 2022"),
        p("Дорожная карта по поддержке школ"),
        p("Непонятная строка над таблицей"),
        tbl(row(*HEADER4), row("1.", "Совещание", "Январь 2022", "РУО")),
        p("Странный текст после таблицы без подписи."))
    preview = read_file(doc)
    assert preview.approvals[0].name == "Н.Н. Орлова"
    assert any("Непонятная строка над таблицей" in w for w in preview.warnings)
    assert any("Странный текст после таблицы" in w for w in preview.warnings)
    with db.session() as session:
        write_preview(session, preview)
    with db.session() as session:
        assert session.query(Order).count() == 0


def _schedule_doc(tmp_path: Path) -> Path:
    head = row("№", "Месяц", "Тема консультации", "Ответственный")
    return write_docx(
        tmp_path / "schedule.docx",
        p("Дорожная карта на 2022 год"),
        tbl(row(*HEADER4), row("1.", "Совещание", "Январь 2022", "РУО")),
        p("Приложение 2"), p("к дорожной карте"),
        p("График консультаций"), p("для школ с низкими результатами"),
        tbl(head,
            tr(tc("1"), tc("Январь", vmerge="restart"), tc("Анализ ВПР"), tc("ИМЦ")),
            tr(tc("2"), tc("", vmerge="continue"), tc("Работа с родителями"), tc("РУО")),
            head,  # the header typed again on the next page
            tr(tc("3"), tc("Февраль", vmerge="restart"), tc("Подготовка к итоговой"),
               tc("ИМЦ")),
            tr(tc(""), tc("", vmerge="continue"), tc("аттестации в 9 классах"), tc("")),
            head,
            tr(tc("4"), tc("", vmerge="continue"), tc("Школьное оценивание"), tc("ИМЦ")),
            tr(tc("5"), tc("Март"), tc("Итоги четверти"), tc("РУО")),
            width=4))


def test_month_schedule_over_several_pages(tmp_path: Path, db) -> None:
    preview = read_file(_schedule_doc(tmp_path))
    schedule = preview.schedules[0]
    assert schedule.title == "График консультаций для школ с низкими результатами"
    assert schedule.number == "2"
    assert schedule.rows == [
        (False, "Анализ ВПР", "Январь", "ИМЦ"),
        (False, "Работа с родителями", "Январь", "РУО"),
        (False, "Подготовка к итоговой аттестации в 9 классах", "Февраль", "ИМЦ"),
        (False, "Школьное оценивание", "Февраль", "ИМЦ"),
        (False, "Итоги четверти", "Март", "РУО")]
    with db.session() as session:
        roadmap_id = write_preview(session, preview).id
    with db.session() as session:
        rows = session.get(Roadmap, roadmap_id).appendices[0].rows
        assert all(r.deadline_start is not None for r in rows)  # every row has its month


def test_row_split_after_a_typed_header(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "split.docx",
        p("Дорожная карта на 2022 год"),
        tbl(row(*HEADER4),
            row("1.", "Совещание руководителей", "Январь 2022", "РУО"),
            row("2.", "Семинар для педагогов на базе", "", ""),
            row(*HEADER4),
            row("", "МБОУ «СОШ № 1» по вопросам оценивания", "Февраль 2022", "ИМЦ"),
            row("3.", "Итоговое совещание", "Декабрь 2022", "РУО")))
    items = read_file(doc).items()
    assert [i.number for i in items] == ["1.", "2.", "3."]
    # the sentence cut by the page break goes on with a space
    assert items[1].activity == "Семинар для педагогов на базе МБОУ «СОШ № 1» по вопросам оценивания"
    assert (items[1].deadline, items[1].executors) == ("Февраль 2022", "ИМЦ")


FIXTURES = Path("/work/shared/fixtures")
#: file → what its first page has (read from ../shared/samples, not from the importer): the
#: date as typed there («« 13 » января 2023 года» prints in words, «от 14.01.2022» with «от»)
PRINTED = {
    "kaliningrad-region-2023.docx": ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛИНИНГРАДСКОЙ ОБЛАСТИ",
                                     "13 января 2023 г.", "№ 28/1", "г. Калининград",
                                     "Об утверждении плана-графика «дорожной карты»"),
    "kaliningrad-region-2023-vmerge.docx": ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛИНИНГРАДСКОЙ ОБЛАСТИ",
                                            "13 января 2023 г.", "№ 28/1", "г. Калининград",
                                            "Об утверждении плана-графика «дорожной карты»"),
    "kaliningrad-region-2023-lo.docx": ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛИНИНГРАДСКОЙ ОБЛАСТИ",
                                        "13 января 2023 г.", "№ 28/1", "г. Калининград",
                                        "Об утверждении плана-графика «дорожной карты»"),
    "balakhta-500plus-2022.docx": ("Управление образования администрации Балахтинского "
                                   "района Красноярского края", "от 14.01.2022", "№ 6а",
                                   "Об утверждении дорожной карты по реализации проекта «500+»"),
}


def test_fixtures_print_as_they_were(tmp_path: Path, db) -> None:
    for name, expected in PRINTED.items():
        preview = read_file(FIXTURES / name)
        with db.session() as session:
            plan_directory(session, preview)
            roadmap = write_preview(session, preview)
            session.flush()
            assert roadmap.approving_order is not None, name
            out = export_order_pdf(session, roadmap.approving_order_id, tmp_path / f"{name}.pdf")
            level = roadmap.level
        text = subprocess.run(["pdftotext", "-layout", "-l", "1", str(out), "-"],
                              capture_output=True, text=True, check=True).stdout
        flat = " ".join(text.split())
        for wanted in expected:
            assert wanted in flat, (name, wanted)
        assert "ПРОЕКТ" not in flat
        assert level is (Level.REGIONAL if "kaliningrad" in name else Level.MUNICIPAL)
        marks = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                               text=True, check=True).stdout
        date = expected[1].removeprefix("от ")
        assert f"от {date} {expected[2]}" in " ".join(marks.split()), name


def test_petrogradsky_roadmap_keeps_its_approvals(db, tmp_path: Path) -> None:
    preview = read_file(FIXTURES / "petrogradsky-2021-2023.docx")
    assert preview.title.startswith("Дорожная карта по информационно-методическому")
    assert "(с изменениями от 08.08.2022г.)" in preview.title
    with db.session() as session:
        roadmap = write_preview(session, preview)
        session.flush()
        assert roadmap.approving_order is None
        assert [a["kind"] for a in roadmap.layout_json["approvals"]] == ["agreed", "approved"]
        out = export_roadmap_pdf(session, roadmap.id, tmp_path / "roadmap.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-l", "1", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    # the roadmap prints the approval blocks it had, not the demo profile's head
    assert "М.Н.Андреева" in text and "Е.С.Кукушкин" in text
    assert "Заместитель главы администрации Петроградского района" in text


def test_preview_says_what_went_where(window, demo_db, qtbot, tmp_path: Path) -> None:
    """The window's preview lists each part found and where the order's requisites will
    come from; the order then prints the document's body, not the demo profile's."""
    shot = Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "i22-import-preview.png" \
        if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path / "i22-import-preview.png"
    seen: list[list[str]] = []

    def drive(dialog) -> bool:
        around = dialog.lists["around"]
        seen.append([around.item(r).text() for r in range(around.rowCount())])
        dialog.tabs.setCurrentIndex(dialog.tabs.count() - 2)  # «Вокруг таблицы»
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(shot))
        return True

    window.run_dialog = drive
    roadmap_id = window.import_file(FIXTURES / "kaliningrad-region-2023.docx")
    lines = seen[0]
    assert "Орган: МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛИНИНГРАДСКОЙ ОБЛАСТИ" in lines
    assert "Уровень: региональный" in lines
    assert "Реквизит приказа — орган, издавший приказ: из документа" in lines
    assert "Реквизит приказа — вышестоящий орган: нет (пустое место)" in lines
    with demo_db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        out = export_order_pdf(session, roadmap.approving_order_id, tmp_path / "o.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-l", "1", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛИНИНГРАДСКОЙ ОБЛАСТИ" in text


def test_passport_table_with_lists_and_its_details(tmp_path: Path, db) -> None:
    problem = (p("В крае 48 школ с низкими результатами.") + p("Основные причины:")
               + p("дефицит кадров;", num=(1, 0)) + p("низкая мотивация.", num=(1, 0))
               + p("Нужны меры:") + p("диагностика", num=(2, 0)) + p("консультации", num=(2, 0)))
    doc = write_docx(
        tmp_path / "passport-table.docx",
        p("Региональная дорожная карта по поддержке школ на 2022 год"),
        p("Паспорт дорожной карты"),
        tbl(row("Наименование", "Дорожная карта по поддержке школ"),
            tr(tc("Описание проблемы"), tc(problem, raw=True)),
            row("Цель", "Повышение качества образования"),
            row("Состав рабочей группы", "Иванов И.И. – министр\nПетрова А.А. – методист"),
            row("", "Сидоров С.С. – куратор"),  # the row carried on over a page break
            width=2),
        p("Сведения к паспорту дорожной карты"),
        tbl(row("Ответственный исполнитель", "ГАУ ДПО ИРО"),
            row("Источник финансирования", "Областной бюджет"), width=2),
        p("Основные мероприятия:"),
        p("мониторинг", num=(2, 0)), p("консультации", num=(2, 0)),
        tbl(row(*HEADER4), row("1.", "Совещание", "Январь 2022", "ИРО")),
        numbering=True)
    preview = read_file(doc)
    assert preview.passport_problem.splitlines() == [
        "В крае 48 школ с низкими результатами.", "Основные причины:", "1. дефицит кадров;",
        "2. низкая мотивация.", "Нужны меры:", "диагностика", "консультации"]
    assert preview.passport_working_group.splitlines() == [
        "Иванов И.И. – министр", "Петрова А.А. – методист", "Сидоров С.С. – куратор"]
    labels = [label for label, _text in preview.passport_rows]
    assert labels == ["Наименование", "Описание проблемы", "Цель", "Состав рабочей группы",
                      "Сведения к паспорту дорожной карты",  # the heading of the next table
                      "Ответственный исполнитель", "Источник финансирования"]
    assert preview.layout["headings"]["passport"] == "Паспорт дорожной карты"
    assert preview.goal == "Повышение качества образования"
    assert preview.level == "regional"  # from the title: no issuing body typed
    # a bulleted list in the text keeps its marks; a line the reader cannot place is warned
    assert any("Основные мероприятия" in w for w in preview.warnings)
    assert any("– мониторинг" in w for w in preview.warnings)
    with db.session() as session:
        roadmap_id = write_preview(session, preview).id
    with db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        parts = roadmap_parts(roadmap)
        passport = next(x for x in parts if isinstance(x, PassportPart))
        assert [label for label, _t in passport.rows] == labels
        assert not any(x.key.value == "goal" for x in parts)  # printed once, in the passport


def _parts_of(roadmap: Roadmap) -> dict:
    """Every part a round trip must keep (not only the items)."""
    order = roadmap.approving_order
    return {
        "title": roadmap.title, "level": roadmap.level, "goal": roadmap.goal,
        "tasks": roadmap.tasks, "basis": roadmap.basis_documents,
        "justification": roadmap.justification,
        "passport": [row for row in passport_rows(roadmap)],
        "items": [(i.number, i.activity, i.deadline_text) for i in roadmap.all_items()],
        "order": None if order is None else (
            order.number, order.date, order.title, order.signatory_name,
            order.settings.get("authority"), order.settings.get("place"),
            [p.text for p in order.top_points()]),
        "approvals": [(a["kind"], a["name"]) for a in roadmap.layout_json.get("approvals", [])],
        # how the order's date line was typed («от 14.01.2022», «13 января 2023 г.»)
        "date_line": None if order is None else (order.settings.get("date_style"),
                                                 order.settings.get("date_with_ot")),
    }


def test_word_round_trip_keeps_every_part(db, tmp_path: Path) -> None:
    """Import → the order in Word → import again: the same parts (order requisites, title,
    level, passport, goal, tasks, basis, justification, items)."""
    sources = [_regional(tmp_path), FIXTURES / "balakhta-500plus-2022.docx",
               FIXTURES / "petrogradsky-2021-2023.docx"]
    for n, source in enumerate(sources):
        with db.session() as session:
            first = write_preview(session, read_file(source))
            session.flush()
            target = tmp_path / f"round-{n}.docx"
            if first.approving_order is None:
                export_roadmap_docx(session, first.id, target)
            else:
                export_order_docx(session, first.approving_order_id, target)
            before = _parts_of(first)
        again = read_file(target)
        with db.session() as session:
            second = write_preview(session, again)
            session.flush()
            after = _parts_of(second)
        assert after == before, source.name
        # the comparison is of real content, not of empty parts
        assert len(before["items"]) >= 2 and before["title"]
        assert (before["passport"] and before["order"]) if n == 0 else True
        assert before["goal"] and before["approvals"] if n == 2 else True


def test_excel_round_trip_keeps_every_part(db, tmp_path: Path) -> None:
    """Import → the program's .xlsx → import → .xlsx: every part comes back (order and its
    requisites, approval blocks, passport, goal, tasks, basis, justification, working
    group, schedules), and the second workbook's «Документ» sheet equals the first's."""
    district = write_docx(
        tmp_path / "district-wg.docx",
        p("АДМИНИСТРАЦИЯ ЕРМАКОВСКОГО РАЙОНА"), p("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ"),
        p("ПРИКАЗ"), p("от 10.01.2022"), p("№ 5"), p("с. Ермаковское"),
        p("Об утверждении дорожной карты"), p("п р и к а з ы в а ю:"),
        p("1. Утвердить дорожную карту."), p("2. Утвердить состав рабочей группы."),
        p("Руководитель управления"), p("О.В. Сидоров"),
        p("Дорожная карта по сопровождению школ на 2022 год"),
        p("Цель: повышение качества образования"),
        p("Задачи:"), p("1. Провести диагностику."),
        tbl(row(*HEADER4), row("1.", "Совещание", "Январь 2022", "РУО")),
        p("Состав рабочей группы"),
        tbl(row("№", "ФИО", "Должность"), row("1", "Иванов Иван Иванович", "начальник"),
            width=3),
        p("График консультаций"),
        tbl(row("Тема", "Дата", "Ответственный"), tr(tc("Январь", span=3)),
            row("Анализ ВПР", "15.01.2022", "ИМЦ"), width=3))
    sources = [_regional(tmp_path), district, FIXTURES / "petrogradsky-2021-2023.docx",
               FIXTURES / "kaliningrad-region-2023.docx", FIXTURES / "balakhta-500plus-2022.docx"]
    for n, source in enumerate(sources):
        with db.session() as session:
            first = write_preview(session, read_file(source))
            session.flush()
            before, rows_before = _parts_of(first), document_rows(first)
            book = export_roadmap_xlsx(session, first.id, tmp_path / f"round-{n}.xlsx")
        again = read_file(book)
        assert not [w for w in again.warnings if "Не распознано" in w], source.name
        with db.session() as session:
            second = write_preview(session, again)
            session.flush()
            after, rows_after = _parts_of(second), document_rows(second)
            groups = [[(m.name, m.job_title) for m in a.members]
                      for a in (second.approving_order.appendices
                                if second.approving_order else [])
                      if a.kind.value == "working_group"]
        assert after == before, source.name
        assert rows_after == rows_before, source.name
        if n == 1:
            assert groups == [[("Иванов Иван Иванович", "начальник")]]
            assert ("График", "График консультаций", "Тема | Дата | Ответственный") in rows_after
            assert (before["order"][0], before["order"][5]) == ("5", "с. Ермаковское")


def test_python_docx_regional_order_with_month_schedule(tmp_path: Path, db) -> None:
    """The same shapes written by python-docx (Word's own XML for merges and bullets): a
    regional committee's order, a month merged down its column over a typed header, a
    bulleted passport list, and a roadmap row split after a typed header."""
    import docx

    document = docx.Document()
    for text in ("КОМИТЕТ ОБРАЗОВАНИЯ И НАУКИ КУРСКОЙ ОБЛАСТИ", "ПРИКАЗ",
                 "30 декабря 2021 г. № 1-1234", "г. Курск",
                 "Об утверждении дорожной карты", "п р и к а з ы в а ю:",
                 "1. Утвердить дорожную карту.", "Председатель комитета Н.А. Белых",
                 "Дорожная карта (план мероприятий) по поддержке школ на 2022 год",
                 "Паспорт дорожной карты", "Описание проблемы",
                 "Школы края показывают низкие результаты."):
        document.add_paragraph(text)
    for text in ("нехватка педагогов;", "слабая материальная база."):
        document.add_paragraph(text, style="List Bullet")
    roadmap = document.add_table(rows=5, cols=4)
    for r, values in enumerate((HEADER4, ("1.", "Совещание", "Январь 2022", "КОН"),
                                ("2.", "Семинар на базе", "", ""), HEADER4,
                                ("", "ОГБУ «ЦНППМ» для педагогов", "Март 2022", "ЦНППМ"))):
        for c, value in enumerate(values):
            roadmap.cell(r, c).text = value
    document.add_paragraph("График консультаций")
    head = ("№", "Месяц", "Тема консультации", "Ответственный")
    rows = (head, ("1", "Январь", "Анализ ВПР", "ИРО"), ("2", "", "Работа с родителями", "КОН"),
            head, ("3", "Февраль", "Подготовка к ОГЭ", "ИРО"),
            ("", "", "и ЕГЭ в 2022 году", ""))
    schedule = document.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:
                schedule.cell(r, c).text = value
    schedule.cell(1, 1).merge(schedule.cell(2, 1))  # the month written once, merged down
    path = tmp_path / "python-docx.docx"
    document.save(path)

    preview = read_file(path)
    order = preview.order
    assert (order.authority, order.number, order.date, order.place) == (
        "КОМИТЕТ ОБРАЗОВАНИЯ И НАУКИ КУРСКОЙ ОБЛАСТИ", "1-1234", dt.date(2021, 12, 30), "г. Курск")
    assert order.signatory_name == "Н.А. Белых"
    assert preview.level == "regional"
    assert preview.title == "Дорожная карта (план мероприятий) по поддержке школ на 2022 год"
    assert preview.passport_problem.splitlines() == [
        "Школы края показывают низкие результаты.", "– нехватка педагогов;",
        "– слабая материальная база."]
    items = preview.items()
    assert [i.number for i in items] == ["1.", "2."]
    assert items[1].activity == "Семинар на базе ОГБУ «ЦНППМ» для педагогов"
    assert preview.schedules[0].rows == [
        (False, "Анализ ВПР", "Январь", "ИРО"), (False, "Работа с родителями", "Январь", "КОН"),
        (False, "Подготовка к ОГЭ и ЕГЭ в 2022 году", "Февраль", "ИРО")]
    with db.session() as session:
        written = write_preview(session, preview)
        session.flush()
        out = export_order_pdf(session, written.approving_order_id, tmp_path / "o.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-l", "1", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    for wanted in ("КОМИТЕТ ОБРАЗОВАНИЯ И НАУКИ КУРСКОЙ ОБЛАСТИ", "30 декабря 2021 г.",
                   "№ 1-1234", "г. Курск", "Об утверждении дорожной карты", "Н.А. Белых"):
        assert wanted in text, wanted


def test_roadmap_only_word_copy_keeps_the_orders_number_and_date(db, tmp_path: Path) -> None:
    """A roadmap printed alone says which order approved it; imported back, the number and
    date are kept with the roadmap (no empty order is made of the blank signature blocks)
    and print again."""
    with db.session() as session:
        first = write_preview(session, read_file(FIXTURES / "kaliningrad-region-2023.docx"))
        session.flush()
        copy = export_roadmap_docx(session, first.id, tmp_path / "alone.docx")
    preview = read_file(copy)
    assert preview.approvals == []  # the blank «СОГЛАСОВАНО / УТВЕРЖДАЮ» forms
    assert (preview.order.mark_number, preview.order.mark_date) == ("28/1", dt.date(2023, 1, 13))
    with db.session() as session:
        second = write_preview(session, preview)
        session.flush()
        assert second.approving_order is None
        assert second.layout_json["approved_by"]["number"] == "28/1"
        out = export_roadmap_pdf(session, second.id, tmp_path / "again.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-l", "1", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    # «План-график …» agrees with УТВЕРЖДЕН
    assert "УТВЕРЖДЕН приказом Министерства образования Калининградской области от 13.01.2023 " \
           "№ 28/1" in text


def test_excel_round_trip_keeps_items_schools(demo_db, db, tmp_path: Path) -> None:
    """The demo roadmap's items concern schools (chosen ones, or every «500+» school): the
    program's workbook carries them and the import links the same schools again."""
    def schools_of(roadmap: Roadmap) -> list[tuple[str, str, list[str]]]:
        return [(i.number, i.school_scope.value, [s.short_name for s in i.schools])
                for i in roadmap.all_items()]

    with demo_db.session() as session:
        roadmap = session.query(Roadmap).order_by(Roadmap.id).first()
        schools = session.query(School).order_by(School.short_name).all()
        items = roadmap.all_items()
        items[0].school_scope, items[0].schools = SchoolScope.CHOSEN, schools[:2]
        items[3].school_scope = SchoolScope.ALL_500
        items[5].school_scope, items[5].schools = SchoolScope.CHOSEN, schools[-1:]
    with demo_db.session() as session:
        roadmap = session.query(Roadmap).order_by(Roadmap.id).first()
        before = schools_of(roadmap)
        book = export_roadmap_xlsx(session, roadmap.id, tmp_path / "demo.xlsx")
    assert any(names for _n, _scope, names in before)  # the comparison is of real links
    preview = read_file(book)
    with demo_db.session() as session:
        plan_directory(session, preview)
        assert not [w for w in preview.warnings if "не найдена в справочнике школ" in w]
        again = write_preview(session, preview)
        session.flush()
        assert schools_of(again) == before
    # into a database without those schools: said, not dropped silently
    elsewhere = read_file(book)
    with db.session() as session:
        plan_directory(session, elsewhere)
    assert any(f"Школа «{before[0][2][0]}» не найдена в справочнике школ" in w
               for w in elsewhere.warnings)
