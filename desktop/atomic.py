"""Writing an output file safely: into a temporary file beside it, then replace.

No half-written file is ever left under the target name. Failures become a
Russian :class:`UserError`: the file open in another program (Windows locks
it), a read-only folder, a full disk.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.errors import UserError


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: read once at import (changing the umask to read it is not thread-safe)
_UMASK = _read_umask()
#: what a file written the ordinary way would get (mkstemp makes 0600 files)
FILE_MODE = 0o666 & ~_UMASK


def describe_os_error(exc: OSError, target: Path) -> str:
    """A Russian sentence for an OS error while writing ``target``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Недостаточно места на диске для файла {target}"
    if exc.errno == errno.EROFS:
        return f"Диск доступен только для чтения: {target.parent}"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return (
            f"Нет доступа к файлу {target}: возможно, он открыт в другой программе "
            "(закройте его) или папка защищена от записи"
        )
    if isinstance(exc, FileNotFoundError):
        return f"Папка не существует: {target.parent}"
    return f"Не удалось записать файл {target}: {exc.strerror or exc}"


def check_output_path(target: Path) -> None:
    """Outputs go only to regular files: refuse a folder, a symlink, a device or a pipe."""
    if target.is_symlink():
        raise UserError(f"Файл для записи — символическая ссылка; укажите обычный файл: {target}")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UserError(describe_os_error(exc, target)) from exc
    if stat.S_ISDIR(mode):
        raise UserError(f"Указана папка, а не файл: {target}")
    if not stat.S_ISREG(mode):
        raise UserError(f"Это не обычный файл (устройство или канал); укажите обычный файл: {target}")


@contextmanager
def atomic_output(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces ``target``.

    Usage::

        with atomic_output(path) as tmp:
            workbook.save(tmp)
    """
    target = Path(target)
    check_output_path(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix,
                                        dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise UserError(describe_os_error(exc, target)) from exc
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except OSError as exc:
        raise UserError(describe_os_error(exc, target)) from exc
    finally:
        tmp.unlink(missing_ok=True)
