"""Who sent a district's package and whether it comes after the last one the region took.

The region's record of a district (:class:`desktop.models.District`) holds the public key of
its first signed package and the number of its last one. Against it a package is: the
first signed one (its key is recorded), signed by another key (a key change: refused by
:func:`desktop.services.region_import.import_package` unless the user confirms it), a replay
(the same key, a number not above the last: refused), or unsigned format 1 (accepted with a
warning while no key is on record, refused after). A ``created`` date more than
:data:`FUTURE_TOLERANCE` ahead of this computer's clock only warns: the numbers, not the
clocks, order the packages. Pure: no Qt, nothing written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.errors import UserError
from desktop.exchange.signing import fingerprint, same_fingerprint
from desktop.importers.package import Package
from desktop.models import District

#: a package dated further ahead of the region's clock than this is flagged as suspicious
FUTURE_TOLERANCE = dt.timedelta(days=1)


class KeyChangeRefused(UserError):
    """The package is signed by another key than the district's on record (not confirmed)."""


@dataclass
class Sender:
    """The verdict on the package's signer and number (the refusals are raised instead)."""

    sequence: int | None = None        #: the district's number of this package (signed only)
    fingerprint: str | None = None     #: the package's signing key, short (signed only)
    old_fingerprint: str | None = None  #: the district's key on record when it differs
    key_recorded: bool = False         #: the district's key is recorded with this package
    #: Russian warnings: unsigned package, key change, a date ahead of this computer's clock
    warnings: list[str] = field(default_factory=list)


def check_sender(name: str, district: District | None, package: Package, *,
                 unchanged: bool, clock: dt.datetime) -> Sender:
    """The verdict for the package of district ``name`` (``district``: the region's record,
    None for a new one; ``unchanged``: the same data as last time), or the refusal
    (:class:`UserError`) of a replay or of an unsigned package from a district whose key is
    on record. A key change is only noted here."""
    sender = Sender()
    if package.created > clock + FUTURE_TOLERANCE:
        sender.warnings.append(
            f"Внимание: дата пакета {package.created:%d.%m.%Y %H:%M} позже часов этого "
            "компьютера больше чем на сутки — вероятно, часы на компьютере района спешат. "
            "Пакеты района упорядочены по их номерам, а не по дате, так что следующие "
            "пакеты это не заблокирует.")
    if not package.signed:
        _check_unsigned(name, district, package, unchanged)
        sender.warnings.append(
            "Внимание: пакет без подписи (формат 1, сделан старой версией программы): "
            "нельзя проверить, что его сделал сам район. Такой пакет принимается, пока от "
            "района не пришёл подписанный; попросите район обновить программу.")
        return sender
    assert package.public_key is not None and package.sequence is not None
    sender.sequence, sender.fingerprint = package.sequence, package.fingerprint
    if district is None or not district.public_key:
        sender.key_recorded = True
        sender.warnings.append(f"Ключ подписи района записан: {sender.fingerprint}; "
                               "следующие пакеты района должны быть подписаны им.")
    elif district.public_key != package.public_key:
        sender.old_fingerprint = fingerprint(district.public_key)
        sender.warnings.append(
            f"Внимание: пакет подписан другим ключом. Прежний ключ района: "
            f"{sender.old_fingerprint}; ключ в пакете: {sender.fingerprint}.")
    elif not unchanged and district.package_sequence is not None \
            and package.sequence <= district.package_sequence:
        raise UserError(
            f"Пакет района «{name}» № {package.sequence} (от {package.created:%d.%m.%Y %H:%M}) "
            f"не новее уже импортированного № {district.package_sequence}: это повтор "
            "старого пакета. Попросите район выгрузить пакет заново (если район восстанавливал "
            "базу из старой копии — командой export package с ключом --number-above "
            f"{district.package_sequence}); ничего не записано")
    return sender


def _check_unsigned(name: str, district: District | None, package: Package,
                    unchanged: bool) -> None:
    """Format 1: refused once the district has a key; else ordered by its date, as before."""
    if district is None:
        return
    if district.public_key:
        raise UserError(
            f"Пакет района «{name}» не подписан, а пакеты этого района подписаны ключом "
            f"{fingerprint(district.public_key)}: такой пакет мог сделать кто угодно "
            "(или старая версия программы). Попросите район выгрузить пакет заново в "
            "обновлённой программе; ничего не записано")
    if not unchanged and package.created < district.package_created:
        raise UserError(
            f"Пакет района «{name}» от {package.created:%d.%m.%Y %H:%M} старше уже "
            f"импортированного (от {district.package_created:%d.%m.%Y %H:%M}); "
            "ничего не записано")


def confirm_key(name: str, sender: Sender, package: Package, accept_key: str | None) -> None:
    """Raise :class:`KeyChangeRefused` for a key change that ``accept_key`` (the fingerprint
    the user confirmed) does not name; afterwards the warning says the new key was taken."""
    if sender.old_fingerprint is None:
        return
    if not (package.public_key and accept_key and same_fingerprint(accept_key,
                                                                   package.public_key)):
        raise KeyChangeRefused(
            f"Пакет района «{name}» подписан другим ключом: прежний ключ "
            f"{sender.old_fingerprint}, в пакете {sender.fingerprint}. Так бывает, если район "
            "переустановил программу или начал новую базу, не перенеся старую; иначе пакет мог "
            "сделать кто-то другой — уточните у района. Чтобы принять новый ключ, подтвердите "
            f"его (в командной строке: --accept-new-key {sender.fingerprint}); "
            "ничего не записано")
    sender.warnings = [w if "другим ключом" not in w else
                       f"Новый ключ подписи района принят: {sender.fingerprint} "
                       f"(прежний: {sender.old_fingerprint})." for w in sender.warnings]
