"""Word shapes from other districts, built as raw XML (tests/import_docs.py): merges, content
controls, tracked changes, automatic numbering, split tables, section rows, flat lists."""

from __future__ import annotations

from pathlib import Path

from desktop.importers import read_file
from desktop.importers.writer import plan_directory, write_preview
from desktop.models import Organisation, Person, Roadmap
from tests.import_docs import HEADER4, NUMBERED_STYLES, p, row, tbl, tc, tr, write_docx


def items(path: Path):
    return {i.number.rstrip("."): i for i in read_file(path).items()}


def test_vmerge_gridspan_gridbefore(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "merges.docx",
        p("Дорожная карта на 2024 год"),
        tbl(row(*HEADER4),
            tr(tc("1. Организация", span=4)),
            tr(tc("1.1"), tc("Совещание"), tc("Январь 2024"), tc("РОО", vmerge="restart")),
            tr(tc("1.2"), tc("Семинар"), tc("Февраль 2024"), tc(vmerge="continue")),
            # a row starting in the second grid column (gridBefore): the number column is empty
            tr(tc("продолжение описания"), tc(""), tc(""), grid_before=1),
            tr(tc("1.3"), tc("Отчёт и анализ", span=2), tc("ИМЦ"))))
    preview = read_file(doc)
    found = {i.number: i for i in preview.items()}
    assert [s.title for s in preview.sections] == ["Организация"]
    assert found["1.1"].executors == "РОО"
    assert found["1.2"].executors == "РОО"  # the vMerge continuation takes the text above
    assert found["1.2"].activity == "Семинар продолжение описания"
    assert found["1.3"].activity == "Отчёт и анализ"  # spans the deadline column too
    assert found["1.3"].deadline == ""
    assert found["1.3"].executors == "ИМЦ"


def test_sdt_and_tracked_changes(tmp_path: Path) -> None:
    sdt_cell = ('<w:tc><w:sdt><w:sdtPr><w:alias w:val="Срок"/></w:sdtPr><w:sdtContent>'
                '<w:p><w:r><w:t>До 01.03.2024</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc>')
    tracked = ('<w:p><w:r><w:t xml:space="preserve">Проведение </w:t></w:r>'
               '<w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r>'
               '<w:delText>старого </w:delText></w:r></w:del>'
               '<w:ins w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r>'
               '<w:t xml:space="preserve">нового </w:t></w:r></w:ins>'
               '<w:r><w:t>семинара</w:t></w:r></w:p>')
    deleted_row = tr(tc("1.9"), tc("Удалённая строка"), tc("Май 2024"), tc("РОО"), deleted=True)
    sdt_row = ('<w:sdt><w:sdtPr/><w:sdtContent>'
               + row("1.3", "Строка в элементе управления", "Июнь 2024", "ИМЦ")
               + "</w:sdtContent></w:sdt>")
    doc = write_docx(tmp_path / "sdt.docx", p("План мероприятий на 2024 год"),
                     tbl(row(*HEADER4),
                         tr(tc("1.1"), tc(tracked, raw=True), sdt_cell, tc("РОО")),
                         deleted_row, sdt_row,
                         tr(tc("1.4"), tc("Есть текстовое поле"),
                            tc("Июль 2024"),
                            tc('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
                               '<v:textbox><w:txbxContent><w:p><w:r><w:t>ЦППМ</w:t></w:r></w:p>'
                               '</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>',
                               raw=True)),
                         tr(tc("1.5"), tc("Ячейка с вложенной таблицей"), tc("Август 2024"),
                            tc(tbl(row("Председатель:", "РОО"), row("Члены:", "ИМЦ"), width=2)
                               + p(), raw=True))))
    found = items(doc)
    assert found["1.5"].executors == "Председатель: РОО\nЧлены: ИМЦ"
    assert found["1.1"].activity == "Проведение нового семинара"
    assert found["1.1"].deadline == "До 01.03.2024"
    assert "1.9" not in found
    assert found["1.3"].activity == "Строка в элементе управления"
    assert found["1.4"].executors == "ЦППМ"


def test_automatic_numbering(tmp_path: Path) -> None:
    def numbered(level: int, activity: str) -> str:
        return tr(tc(p("", num=(1, level)), raw=True), tc(activity), tc("Март 2024"), tc("РОО"))

    doc = write_docx(tmp_path / "numbers.docx", p("Дорожная карта 2024"),
                     tbl(row(*HEADER4), numbered(0, "Раздел-мероприятие"), numbered(1, "Первое"),
                         numbered(1, "Второе"), numbered(2, "Вложенное"), numbered(1, "Третье"),
                         numbered(0, "Следующее")),
                     numbering=True)
    preview = read_file(doc)
    assert [i.number for i in preview.items()] == ["1.", "1.1.", "1.2.", "1.2.1.", "1.3.", "2."]


def test_numbering_by_paragraph_style(tmp_path: Path) -> None:
    styled = '<w:p><w:pPr><w:pStyle w:val="Num"/></w:pPr></w:p>'
    doc = write_docx(tmp_path / "styled.docx", p("Дорожная карта 2024"),
                     tbl(row(*HEADER4),
                         *(tr(tc(styled, raw=True), tc(name), tc("Май 2024"), tc("РОО"))
                           for name in ("Первое", "Второе"))),
                     numbering=True, styles=NUMBERED_STYLES)
    assert [i.number for i in read_file(doc).items()] == ["1.", "2."]


def test_split_table_with_repeated_headers_and_hyphens(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "split.docx",
        p("Дорожная карта на 2024 год"),
        tbl(row(*HEADER4, header=True), row("1", "2", "3", "4"),
            tr(tc("1. Организационные мероприятия", span=4)),
            row("1.1", "Приведение документов в соот-", "Январь 2024", "Руково-")),
        tbl(row(*HEADER4, header=True),  # the header marked to repeat on the next page
            row("", "ветствии с требованиями", "", "дитель ОО"),
            row("1.2", "Совещание", "Февраль 2024", "РОО")),
        p(""),
        tbl(row(*HEADER4),  # typed again
            row("1", "2", "3", "4"),
            row("1.3", "Анализ", "Март 2024", "ИМЦ")))
    preview = read_file(doc)
    found = {i.number: i for i in preview.items()}
    assert list(found) == ["1.1", "1.2", "1.3"]
    assert found["1.1"].activity == "Приведение документов в соответствии с требованиями"
    assert found["1.1"].executors == "Руководитель ОО"
    assert sum("шапки" in s for s in preview.skipped) == 2
    assert sum("номерами столбцов" in s for s in preview.skipped) == 2


def test_section_row_shapes(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "sections.docx",
        p("Дорожная карта на 2024 год"),
        tbl(row(*HEADER4),
            tr(tc("1. Merged full width", span=4)),
            row("1.1", "А", "Январь 2024", "РОО"),
            row("2. Only the first cell", "", "", ""),
            row("2.1", "Б", "Январь 2024", "РОО"),
            row("3.", "Number with only a title Задачи: обучить. Показатели: 100%", "", ""),
            row("3.1", "В", "Январь 2024", "РОО"),
            row("3.1.1", "Г", "Январь 2024", "РОО")),
        p("4. Heading paragraph between tables"),
        p("Задачи: - провести мониторинг;"),
        tbl(row("4.1", "Д", "Январь 2024", "РОО")))
    preview = read_file(doc)
    assert [(s.number, s.title) for s in preview.sections] == [
        ("1", "Merged full width"), ("2", "Only the first cell"),
        ("3", "Number with only a title"), ("4", "Heading paragraph between tables")]
    assert preview.sections[2].tasks == "обучить."
    assert preview.sections[2].indicators == "100%"
    assert preview.sections[3].tasks == "- провести мониторинг;"
    assert [len(s.items) for s in preview.sections] == [1, 1, 2, 1]


def test_flat_list_without_sections(tmp_path: Path, db) -> None:
    doc = write_docx(tmp_path / "flat.docx", p("План мероприятий на 2024 год"),
                     tbl(row(*HEADER4), *(row(f"{n}.", f"Мероприятие {n}", "Май 2024", "РОО")
                                          for n in range(1, 26))))
    preview = read_file(doc)
    assert len(preview.sections) == 1 and preview.sections[0].untitled
    assert len(preview.items()) == 25
    with db.session() as session:
        roadmap_id = write_preview(session, preview).id
    with db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        assert len(roadmap.sections) == 1 and roadmap.sections[0].untitled
        assert [i.number for i in roadmap.all_items()][:3] == ["1.", "2.", "3."]


def test_parts_around_the_table(tmp_path: Path, db) -> None:
    doc = write_docx(
        tmp_path / "parts.docx",
        p("Проект внесен: начальник отдела общего образования"),
        p("И.И. Иванова"),
        p("Дорожная карта на 2024 год"),
        p("Цель: повышение качества образования"),
        tbl(row(*HEADER4), row("1", "Совещание", "Январь 2024",
                                "О.В. Плесецкая – директор МКУО КМЦ, РОО")),
        p("Принятые сокращения:"),
        p("РОО – районный отдел образования"),
        tbl(row("№", "ФИО", "Должность"), row("1", "Петров Пётр Петрович", "методист"), width=3),
        tbl(row("Показатель", "Единица измерения", "2023/2024", "2024/2025"),
            row("Доля школ", "%", "50", "80"), width=4),
        tbl(row("Тема", "Дата", "Ответственный"), tr(tc("Январь", span=3)),
            row("Консультация", "15.01.2024", "ИМЦ"), width=3),
        p("Начальник управления образования"),
        p("А.А. Сидоров"))
    preview = read_file(doc)
    assert preview.goal == "повышение качества образования"
    assert preview.approvals[0].kind == "submitted"
    assert preview.approvals[0].name == "И.И. Иванова"
    assert preview.working_group == [("Петров Пётр Петрович", "методист")]
    assert (preview.closing_position, preview.closing_name) == \
        ("Начальник управления образования", "А.А. Сидоров")
    assert preview.indicator_periods == ["2023/2024", "2024/2025"]
    assert preview.indicators == [("Доля школ", "%", ["50", "80"])]
    assert preview.schedules[0].rows == [(True, "Январь", "", ""),
                                         (False, "Консультация", "15.01.2024", "ИМЦ")]
    with db.session() as session:
        plan_directory(session, preview)
        assert ("О.В. Плесецкая", "директор МКУО КМЦ") in preview.people
        roadmap_id = write_preview(session, preview).id
    with db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        item = roadmap.all_items()[0]
        assert item.executors_text == "О.В. Плесецкая – директор МКУО КМЦ, РОО"
        assert item.executors[1].organisation.full_name == "районный отдел образования"
        assert session.query(Person).filter_by(name="Петров Пётр Петрович").count() == 1
        assert session.query(Organisation).filter_by(short_name="РОО").count() == 1
        assert roadmap.indicators[0].values == ["50", "80"]
        assert roadmap.appendices[0].rows[1].deadline_start is not None
        # a roadmap's own approval block makes no order (issue 22); it is kept with the roadmap
        assert roadmap.approving_order is None
        assert roadmap.layout_json["approvals"][0]["name"] == "И.И. Иванова"


def test_passport_basis_justification_and_roman_sections(tmp_path: Path, db) -> None:
    doc = write_docx(
        tmp_path / "passport.docx",
        p("Паспорт дорожной карты"),
        tbl(row("Проблема", "Низкие результаты ВПР"),
            row("Ответственный разработчик", "Управление образования"),
            row("Сроки и этапы реализации", "2025 год"),
            row("Цель", "Повышение качества образования"), width=2),
        p("Документы, на основании которых разработана дорожная карта:"),
        p("1. Федеральный закон № 273-ФЗ"),
        p("2. Приказ министерства от 10.01.2025 № 5"),
        p("Обоснование"),
        p("В районе три школы с низкими результатами."),
        p("Дорожная карта на 2025 год"),
        tbl(row(*HEADER4),
            tr(tc("I."), tc("Организационный раздел", span=3)),
            row("1", "Совещание", "Январь 2025", "РОО"),
            tr(tc("2."), tc("Раздел со сквозной нумерацией", span=3)),
            row("3", "Семинар", "Март 2025", "ИМЦ")))
    preview = read_file(doc)
    assert preview.title == "Дорожная карта на 2025 год"
    assert preview.layout["headings"]["passport"] == "Паспорт дорожной карты"
    assert preview.passport_problem == "Низкие результаты ВПР"
    assert preview.passport_stages == "2025 год"
    assert preview.goal == "Повышение качества образования"
    assert preview.basis_documents.splitlines() == ["1. Федеральный закон № 273-ФЗ",
                                                    "2. Приказ министерства от 10.01.2025 № 5"]
    assert preview.justification == "В районе три школы с низкими результатами."
    assert [(s.number, s.title) for s in preview.sections] == [
        ("I", "Организационный раздел"), ("2", "Раздел со сквозной нумерацией")]
    assert [i.number for i in preview.items()] == ["1", "3"]
    with db.session() as session:
        roadmap_id = write_preview(session, preview).id
    with db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        assert roadmap.passport_developer == "Управление образования"
        assert roadmap.layout_json["order"][:3] == ["passport", "basis", "justification"]


def test_two_row_header(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "two-rows.docx",
        p("Дорожная карта на 2025 год"),
        tbl(tr(tc("№", vmerge="restart"), tc("Мероприятие", vmerge="restart"),
               tc("Сроки", span=2), tc("Ответственные", vmerge="restart")),
            tr(tc(vmerge="continue"), tc(vmerge="continue"), tc("начало"), tc("окончание"),
               tc(vmerge="continue")),
            tr(tc("1.1"), tc("Совещание"), tc("Январь 2025"), tc("Февраль 2025"), tc("РОО")),
            width=5))
    preview = read_file(doc)
    assert [c.heading for c in preview.columns] == \
        ["№", "Мероприятие", "Сроки начало", "Сроки окончание", "Ответственные"]
    item = preview.items()[0]
    assert (item.number, item.activity, item.deadline, item.executors) == \
        ("1.1", "Совещание", "Январь 2025 – Февраль 2025", "РОО")
    assert item.deadline_kind == "span"


def test_rows_without_numbers_stay_items(tmp_path: Path) -> None:
    """A table whose numbers were lost: each full row is an item, not a continuation."""
    doc = write_docx(tmp_path / "no-numbers.docx", p("План мероприятий на 2025 год"),
                     tbl(row(*HEADER4), row("", "Совещание", "Январь 2025", "РОО"),
                         row("", "Семинар", "Март 2025", "ИМЦ"),
                         row("", "и подведение итогов", "", "")))
    preview = read_file(doc)
    assert [i.activity for i in preview.items()] == ["Совещание",
                                                     "Семинар и подведение итогов"]


def test_section_tasks_written_across_the_table(tmp_path: Path) -> None:
    doc = write_docx(
        tmp_path / "tasks-rows.docx", p("Дорожная карта на 2025 год"),
        tbl(row(*HEADER4),
            tr(tc("2. Методическое сопровождение", span=4)),
            tr(tc("Задачи:", span=4)),
            tr(tc("1. Развитие системы сопровождения.", span=4)),
            tr(tc("2. Диссеминация опыта.", span=4)),
            tr(tc("Показатели: охват 100%", span=4)),
            row("2.1", "Семинар", "Май 2025", "ИМЦ"),
            tr(tc("3. Мониторинг", span=4)),
            row("3.1", "Анализ", "Июнь 2025", "РЦОКО")))
    preview = read_file(doc)
    assert [(s.number, s.title) for s in preview.sections] == [
        ("2", "Методическое сопровождение"), ("3", "Мониторинг")]
    assert preview.sections[0].tasks == "1. Развитие системы сопровождения.\n2. Диссеминация опыта."
    assert preview.sections[0].indicators == "охват 100%"


def test_regional_shape_passport_indicators_group_schedule(tmp_path: Path, db) -> None:
    """УТВЕРЖДАЮ with the date under the signature, a passport, indicators per school year,
    a working group and a consultation schedule grouped by month, each under its heading."""
    doc = write_docx(
        tmp_path / "regional.docx",
        p("УТВЕРЖДАЮ"), p("Начальник управления образования"), p("_________ И.И. Иванов"),
        p("«10» января 2025 г."),
        p("Паспорт муниципальной дорожной карты"),
        tbl(row("Проблема", "Низкие результаты"), row("Цель", "Повысить результаты"),
            row("Задачи", "1. Провести диагностику\n2. Организовать консультации"), width=2),
        p("Целевые показатели"),
        tbl(row("№", "Показатель", "Ед. изм.", "2024/2025", "2025/2026"),
            row("1", "Доля ШНОР", "%", "20", "10"), width=5),
        p("План мероприятий на 2025 год"),
        tbl(row("№", "Наименование мероприятия", "Срок исполнения", "Ответственный",
                "Ожидаемый результат"),
            row("1.", "Диагностика", "Сентябрь 2025", "Куратор", "Профиль рисков"),
            row("2.", "Консультации", "Ежемесячно", "ИМЦ", "Проведены"), width=5),
        p("Состав рабочей группы"),
        tbl(row("№", "ФИО", "Должность"), row("1", "Иванов Иван Иванович", "начальник УО"),
            width=3),
        p("График консультаций"),
        tbl(row("Тема консультации", "Дата", "Ответственный"), tr(tc("Сентябрь", span=3)),
            row("Анализ ВПР", "15.09.2025", "ИМЦ"), width=3))
    preview = read_file(doc)
    assert preview.approvals[0].kind == "approved"
    assert preview.approvals[0].date is not None and preview.approvals[0].date.day == 10
    assert preview.tasks == "1. Провести диагностику\n2. Организовать консультации"
    assert preview.items()[0].tasks == "Профиль рисков"  # «Ожидаемый результат»
    assert preview.layout["headings"]["indicators"] == "Целевые показатели"
    assert preview.schedules[0].title == "График консультаций"
    with db.session() as session:
        plan_directory(session, preview)
        roadmap_id = write_preview(session, preview).id
    with db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        # «УТВЕРЖДАЮ» of the roadmap itself makes no order (issue 22): kept with the roadmap
        assert roadmap.approving_order is None
        assert roadmap.layout_json["approvals"][0]["name"] == "И.И. Иванов"
        assert roadmap.passport_working_group == "Иванов Иван Иванович – начальник УО"
        assert roadmap.appendices[0].title == "График консультаций"
        assert roadmap.appendices[0].rows[0].is_group
