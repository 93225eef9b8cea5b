"""Executor spellings: which pairs are one executor, which are suggestions, which are not;
cells split with page-break fragments joined; the merge plan of a document."""

from __future__ import annotations

import pytest

from desktop.importers.executor_plan import (
    DirectoryName,
    final_names,
    plan_merges,
    split_cell,
)
from desktop.models.executor_match import clean_name, is_near, match_key, same_executor

SAME = [
    ("Кураторы", "кураторы"),
    ("Кураторы", "кураторы."),
    ("кураторы.", "Куратор"),
    ("Муниципальный координатор", "муниципальный координатор"),
    ("Муниципальный координатор", "муниципальные координаторы"),
    ("муниципальные координаторы", "Координатор муниципальный"),
    ("Методисты УО»", "Методисты УО"),
    ("«Методисты УО", "методист УО"),
    ("И.Н. Хняч", "Хняч И.Н."),
    ("И.Н. Хняч", "Хняч И. Н."),
    ("И. Н. Хняч", "Хняч Игорь Николаевич"),
    ("Хняч И.Н.", "И.Н.Хняч"),
    ("О.В. Плесецкая – директор МКУО КМЦ", "Плесецкая О.В."),
    ("О.В. Плесецкая - директор МКУО КМЦ.", "Плесецкая Ольга Викторовна"),
    ("Ёлкина Д.С.", "Д.С. Елкина"),
    ("Руководители ОО", "руководитель ОО"),
    ("Руководители ОО", "ОО руководители"),
    ("Руководители школ", "руководители школы"),
    ("Директора школ", "директор школы"),
    ("Управление образования", "управления образования"),
    ("ГОО «Кузбасский РЦППМС»", "ГОО Кузбасский РЦППМС"),
    ("ГОО «Кузбасский РЦППМС»", "ГОО \"Кузбасский РЦППМС\""),
    ("ИМЦ", "ИМЦ."),
    ("ИМЦ", "«ИМЦ»"),
    ("РОО", " РОО "),
    ("Педагоги-психологи", "педагог-психолог"),
    ("Учителя-предметники", "учитель-предметник"),
    ("Классные руководители", "классный руководитель"),
    ("Специалисты ИМЦ", "специалист ИМЦ"),
    ("Заместители директоров по УВР", "заместитель директора по УВР"),
    ("МБОУ СОШ № 5", "МБОУ «СОШ № 5»"),
    ("Ответственные за ВСОКО", "ответственный за ВСОКО"),
    ("Методисты ИМЦ и РОО", "методисты РОО и ИМЦ"),
]

NOT_SAME = [
    ("Хняч И.Н.", "Хняч А.Н."),
    ("И.Н. Хняч", "Н.И. Хняч"),
    ("Иванова О.В.", "Иванов О.В."),
    ("Петрова М.С.", "Петрова М.А."),
    ("директор школы", "директор УО"),
    ("директор школы", "заместитель директора школы"),
    ("ИМЦ", "РОО"),
    ("МКУО ЦОКО", "МКУО КМЦ"),
    ("МБОУ СОШ № 5", "МБОУ СОШ № 7"),
    ("Кураторы", "Муниципальный координатор"),
    ("Методисты УО", "Методисты ИМЦ"),
    ("Руководители ОО", "Руководители УО"),
    ("Управление образования", "Отдел образования"),
    ("ГОО «Кузбасский РЦППМС»", "ГОО «Кузбасский РЦОКО»"),
    ("Педагоги школ", "Психологи школ"),
    ("Учителя математики", "Учителя физики"),
    ("КОИРО", "ЦППМ"),
]

NEAR = [
    ("кураторы школ", "Кураторы"),
    ("Кураторы ШНОР", "кураторы."),
    ("Директор школы", "директор"),
    ("Хняч И.", "Хняч И.Н."),
    ("Методисты УО по математике", "методисты УО"),
    ("руководители О", "Руководители ОО"),
]

NOT_NEAR = [
    ("Директор школы", "Директор УО"),
    ("Заместитель директора", "директор"),
    ("МКУО ЦОКО", "ЦОКО"),
    ("Хняч И.Н.", "Хняч А."),
    ("Кураторы", "Кураторы"),  # the same, not a suggestion
    ("Руководители ОО", "Руководители УО"),
    ("учителя О", "руководители ОО"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_executor(a: str, b: str) -> None:
    assert same_executor(a, b), (match_key(a), match_key(b))
    assert same_executor(b, a)
    assert not is_near(a, b)


@pytest.mark.parametrize(("a", "b"), NOT_SAME)
def test_different_executors(a: str, b: str) -> None:
    assert not same_executor(a, b), (match_key(a), match_key(b))
    assert not is_near(a, b)


@pytest.mark.parametrize(("a", "b"), NEAR)
def test_near_is_a_suggestion_not_a_match(a: str, b: str) -> None:
    assert not same_executor(a, b)
    assert is_near(a, b) and is_near(b, a)


@pytest.mark.parametrize(("a", "b"), NOT_NEAR)
def test_not_near(a: str, b: str) -> None:
    assert not is_near(a, b)


def test_table_sizes() -> None:
    assert len(SAME) >= 30 and len(NOT_SAME) >= 15


@pytest.mark.parametrize(("typed", "printed"), [
    ("кураторы.", "кураторы"),
    ("Методисты УО»", "Методисты УО"),
    ("«Методисты УО", "Методисты УО"),
    ("ГОО «Кузбасский РЦППМС»", "ГОО «Кузбасский РЦППМС»"),
    ("Хняч И.Н.", "Хняч И.Н."),
    ("Хняч И.", "Хняч И."),
    ("МКУ «Управление образования г. Балахта»", "МКУ «Управление образования г. Балахта»"),
    ("  ИМЦ , ", "ИМЦ"),
])
def test_clean_name(typed: str, printed: str) -> None:
    assert clean_name(typed) == printed


@pytest.mark.parametrize(("cell", "names"), [
    ("РОО, ИМЦ", ["РОО", "ИМЦ"]),
    ("ГБУ «Центр, развития»; ИМЦ", ["ГБУ «Центр, развития»", "ИМЦ"]),
    # a page break inside a quoted name: one name, no comma
    ("ГОО «Кузбасский\nРЦППМС», кураторы", ["ГОО «Кузбасский РЦППМС»", "кураторы"]),
    # a word cut at a page break
    ("Кураторы, руководители О\nО", ["Кураторы", "руководители ОО"]),
    ("Методисты РЦ-\nППМС", ["Методисты РЦППМС"]),
    ("О.В. Плесецкая - директор МКУО КМЦ. И.Н. Хняч - директор МКУО ЦОКО",
     ["О.В. Плесецкая - директор МКУО КМЦ.", "И.Н. Хняч - директор МКУО ЦОКО"]),
    ("Кураторы (ИМЦ, РОО)\nРуководители школ", ["Кураторы (ИМЦ, РОО)", "Руководители школ"]),
    ("Хняч И.Н.\nИМЦ", ["Хняч И.Н.", "ИМЦ"]),
    # roles a published document ran together (its line breaks lost)
    ("Региональный координатор Муниципальные координаторы Руководители школ",
     ["Региональный координатор", "Муниципальные координаторы", "Руководители школ"]),
    ("Детский технопарк «Кванториум» Руководители школ",
     ["Детский технопарк «Кванториум»", "Руководители школ"]),
    ("Кафедра общего образования Учителя школ", ["Кафедра общего образования", "Учителя школ"]),
    ("Методисты УО руководители ОО", ["Методисты УО", "руководители ОО"]),
    ("Муниципальный координатор руководители ОО",
     ["Муниципальный координатор", "руководители ОО"]),
    # … but not a name's own words
    ("Педагоги и руководители ОО", ["Педагоги и руководители ОО"]),
    ("Отдел образования Администрации Балахтинского района",
     ["Отдел образования Администрации Балахтинского района"]),
    ("ГБУ КО НОО «Центр развития Руководители»", ["ГБУ КО НОО «Центр развития Руководители»"]),
    ("заместитель директора по УВР", ["заместитель директора по УВР"]),
    ("Муниципальный Координатор", ["Муниципальный Координатор"]),
])
def test_split_cell(cell: str, names: list[str]) -> None:
    assert split_cell(cell) == names


def test_plan_merges_groups_spellings_and_suggests_qualified_names() -> None:
    texts = ["Кураторы", "кураторы", "Кураторы", "кураторы школ", "Муниципальный координатор",
             "муниципальные координаторы", "Хняч И.Н.", "И.Н. Хняч", "ИМЦ", "Информационно-"
             "методический центр", "РОО"]
    directory = [DirectoryName("organisation", 7, "ИМЦ",
                               ("ИМЦ", "Информационно-методический центр"))]
    groups = plan_merges(texts, directory)
    merges = {g.name: g for g in groups if not g.suggestion}
    assert set(merges) == {"Кураторы", "Муниципальный координатор", "Хняч И.Н.", "ИМЦ"}
    assert merges["Кураторы"].variants == ["Кураторы", "кураторы"]
    assert merges["Кураторы"].mentions == 3
    assert merges["ИМЦ"].variants == ["ИМЦ", "Информационно-методический центр"]
    assert merges["ИМЦ"].directory == "организация «ИМЦ»"
    [suggestion] = [g for g in groups if g.suggestion]
    assert (suggestion.name, suggestion.variants, suggestion.accepted) == (
        "Кураторы", ["кураторы школ"], False)
    final = final_names(groups)
    assert final["кураторы"] == "Кураторы"
    assert final["И.Н. Хняч"] == "Хняч И.Н."
    assert "кураторы школ" not in final  # a suggestion waits for the user
    suggestion.accepted = True
    assert final_names(groups)["кураторы школ"] == "Кураторы"
    merges["Кураторы"].name = "Кураторы ШНОР"
    final = final_names(groups)
    # an accepted suggestion follows the merge it joins when the user renames it
    assert final["кураторы"] == final["кураторы школ"] == "Кураторы ШНОР"
    merges["Кураторы"].accepted = False
    final = final_names(groups)
    assert "кураторы" not in final and final["кураторы школ"] == "Кураторы"


def test_executors_typed_in_the_editor_match_the_directory_as_the_import_does(demo_db) -> None:
    """Typed in a cell: «ЦОКО.», «Ёлкина Д.С.», «Д.С. Елкина» and «Мартынюк С. А.» are the
    directory's entries; a new name is unknown (offered for the directory)."""
    from desktop.services.editing import resolve_executors

    with demo_db.session() as s:
        entries, unknown = resolve_executors(
            s, "ЦОКО., Ёлкина Д.С., Д.С. Елкина, Мартынюк С. А., Новый партнёр")
    assert [bool(e.organisation_id) for e in entries] == [True, False, False, False, False]
    assert [bool(e.person_id) for e in entries] == [False, True, True, True, False]
    assert len({e.person_id for e in entries[1:3]}) == 1
    assert unknown == ["Новый партнёр"]
