"""Reading a copy before it is restored: a ``.dkbak`` archive or an old plain ``.db`` (no Qt).

:func:`stage_copy` checks the file completely before anything is replaced: an archive
must be a whole zip with our manifest, hold exactly the members the manifest lists (the
database and evidence files under their content-hash names, nothing else, no path that
leads out), and every member must inflate to the listed size and SHA-256; the database
in it must be a sound database of this program and not of a newer version. The members
are extracted into a staging folder beside the database (the same disk, so putting them
in place is a rename), and the :class:`CopySummary` tells what the copy holds.

A plain ``.db`` (the automatic copies, copies made before archives) is read where it is.
Any failure is a Russian :class:`UserError` and leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.errors import UserError
from desktop.models.backups import check_copy
from desktop.models.checklist_files import EVIDENCE_DIR, is_valid_stored_path
from desktop.services.backup_archive import (
    DATABASE_MEMBER,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    evidence_count,
    snapshot_counts,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGIC = b"PK\x03\x04"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
_CHUNK = 1 << 20


@dataclass(frozen=True)
class CopySummary:
    """What a copy holds, as the question before a restore shows it."""

    path: Path
    made: dt.datetime
    is_archive: bool
    roadmaps: int
    items: int
    schools: int
    evidence_files: int
    program_version: str | None = None
    missing_evidence: list[str] = field(default_factory=list)
    #: a plain copy: the evidence files its database refers to, and how many of them lie
    #: beside the database it would replace (the files themselves are not in it)
    evidence_referenced: int = 0
    evidence_beside: int | None = None

    def lines(self) -> list[str]:
        kind = ("архив с базой данных и файлами подтверждений" if self.is_archive
                else "файл базы данных без файлов подтверждений (копия старого вида)")
        rows = [f"Файл: {self.path.name}", f"Вид: {kind}",
                f"Сделана: {self.made.strftime('%d.%m.%Y %H:%M')}",
                f"Дорожных карт: {self.roadmaps}", f"Мероприятий: {self.items}",
                f"Школ: {self.schools}", f"Файлов подтверждений: {self.evidence_files}"]
        if self.program_version:
            rows.append(f"Версия программы: {self.program_version}")
        if self.missing_evidence:
            rows.append(f"Не вошли в копию (не были найдены): {len(self.missing_evidence)}")
        if not self.is_archive and self.evidence_referenced:
            rows.append(self.plain_evidence_note())
        return rows

    def plain_evidence_note(self) -> str:
        text = (f"В базе копии записано файлов подтверждений: {self.evidence_referenced}; "
                "самих файлов в копии нет")
        if self.evidence_beside is not None:
            text += f", в папке рядом с базой из них есть {self.evidence_beside}"
        return text

    def text(self) -> str:
        return "\n".join(self.lines())


@dataclass
class StagedCopy:
    """A checked copy ready to be put in place; :meth:`discard` removes what was extracted."""

    summary: CopySummary
    database: Path
    #: (path relative to the database's folder, the extracted file)
    evidence: list[tuple[str, Path]]
    folder: Path | None = None

    def discard(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> StagedCopy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()


def _damaged(path: Path, why: str) -> UserError:
    return UserError(f"Резервная копия повреждена ({why}) и не восстановлена: {path}. "
                     "Ничего не изменено")


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(16)
    except IsADirectoryError:
        raise UserError(f"Указана папка, а не файл копии: {path}") from None
    except OSError as exc:
        raise UserError(f"Не удалось прочитать файл копии ({exc.strerror}): {path}") from exc


def stage_copy(copy: Path, staging_parent: Path) -> StagedCopy:
    """Check ``copy`` completely and make it ready to restore (see the module's docstring)."""
    copy = Path(copy).expanduser()
    if not copy.exists() or copy.is_symlink():
        raise UserError(f"Резервная копия не найдена: {copy}")
    head = _head(copy)
    if head.startswith(SQLITE_MAGIC):
        return _plain_database(copy)
    if not head.startswith(ZIP_MAGIC):
        raise UserError(f"Файл не является резервной копией «Дорожной карты» (ни архивом копии "
                        f".dkbak, ни файлом базы данных .db): {copy}. Ничего не изменено")
    return _archive(copy, staging_parent)


def _plain_database(copy: Path) -> StagedCopy:
    check_copy(copy)
    counts = snapshot_counts(copy)
    summary = CopySummary(copy, dt.datetime.fromtimestamp(copy.stat().st_mtime), False,
                          counts["roadmaps"], counts["items"], counts["schools"], 0,
                          evidence_referenced=evidence_count(copy))
    return StagedCopy(summary, copy, [])


def _read_manifest(copy: Path, zf: zipfile.ZipFile) -> dict:
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError:
        raise UserError(f"Архив не является резервной копией «Дорожной карты» (в нём нет "
                        f"описания {MANIFEST}): {copy}. Ничего не изменено") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _damaged(copy, "описание копии слишком велико")
    try:
        manifest = json.loads(zf.read(info)[: MAX_MANIFEST_BYTES + 1].decode("utf-8"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise _damaged(copy, "описание копии не читается") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError(f"Архив не является резервной копией «Дорожной карты»: {copy}. "
                        "Ничего не изменено")
    if not isinstance(manifest.get("format_version"), int) or \
            manifest["format_version"] > FORMAT_VERSION:
        raise UserError(f"Копия сделана более новой версией программы и этой версией не "
                        f"читается: {copy}. Обновите программу; ничего не изменено")
    if not isinstance(manifest.get("members"), dict):
        raise _damaged(copy, "в описании нет списка файлов")
    return manifest


def _check_names(copy: Path, zf: zipfile.ZipFile, listed: dict) -> None:
    in_zip = {i.filename for i in zf.infolist() if not i.is_dir()} - {MANIFEST}
    if in_zip != set(listed):
        raise _damaged(copy, "состав архива не совпадает с его описанием")
    if DATABASE_MEMBER not in listed:
        raise _damaged(copy, "в архиве нет базы данных")
    for name, entry in listed.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("size"), int) or \
                not isinstance(entry.get("sha256"), str):
            raise _damaged(copy, f"описание файла {name} не читается")
        if name == DATABASE_MEMBER:
            continue
        digest = name.rsplit("/", 1)[-1].split(".", 1)[0]
        if not name.startswith(EVIDENCE_DIR + "/") or not is_valid_stored_path(name, digest) \
                or digest != entry["sha256"]:
            raise _damaged(copy, f"недопустимое имя файла в архиве: {name}")
        if zf.getinfo(name).file_size != entry["size"]:
            raise _damaged(copy, f"размер файла {name} не совпадает с описанием")


def _archive(copy: Path, staging_parent: Path) -> StagedCopy:
    try:
        zf = zipfile.ZipFile(copy)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _damaged(copy, "архив обрезан или испорчен") from exc
    with zf:
        manifest = _read_manifest(copy, zf)
        listed = manifest["members"]
        _check_names(copy, zf, listed)
        needed = sum(entry["size"] for entry in listed.values())
        staging_parent.mkdir(parents=True, exist_ok=True)
        if shutil.disk_usage(staging_parent).free < needed * 2 + (64 << 20):
            raise UserError(f"Недостаточно места на диске, чтобы восстановить копию "
                            f"({needed // (1 << 20) + 1} МБ): {staging_parent}. Ничего не изменено")
        folder = Path(tempfile.mkdtemp(prefix=".restore-", dir=staging_parent))
        try:
            staged = {name: _extract(copy, zf, name, entry, folder)
                      for name, entry in listed.items()}
            check_copy(staged[DATABASE_MEMBER])
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    database = staged.pop(DATABASE_MEMBER)
    counts = snapshot_counts(database)
    try:
        made = dt.datetime.fromisoformat(str(manifest.get("created_at")))
    except ValueError:
        made = dt.datetime.fromtimestamp(copy.stat().st_mtime)
    missing = manifest.get("missing_evidence")
    summary = CopySummary(copy, made, True, counts["roadmaps"], counts["items"],
                          counts["schools"], len(staged), str(manifest.get("program_version")
                                                              or "") or None,
                          [str(m) for m in missing] if isinstance(missing, list) else [])
    return StagedCopy(summary, database, sorted(staged.items()), folder)


def _extract(copy: Path, zf: zipfile.ZipFile, name: str, entry: dict, folder: Path) -> Path:
    """One member into the staging folder, its size and checksum compared while it inflates."""
    target = folder / ("database.db" if name == DATABASE_MEMBER else
                       hashlib.sha256(name.encode()).hexdigest()[:16] + "-" + name.rsplit("/", 1)[-1])
    digest = hashlib.sha256()
    size = 0
    try:
        with zf.open(name) as src, open(target, "wb") as dst:
            while block := src.read(_CHUNK):
                size += len(block)
                if size > entry["size"]:
                    raise _damaged(copy, f"файл {name} больше, чем указано в описании")
                digest.update(block)
                dst.write(block)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise _damaged(copy, f"файл {name} не читается: архив обрезан или испорчен") from exc
    except OSError as exc:
        raise UserError(f"Не удалось распаковать копию ({exc.strerror}): {copy}. "
                        "Ничего не изменено") from exc
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise _damaged(copy, f"контрольная сумма файла {name} не совпадает")
    return target
