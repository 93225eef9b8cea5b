"""Ed25519 signatures of exchange packages (PyNaCl, libsodium): keys, signing, checking.

A district's installation makes one key pair on its first export and keeps it in its own
database (:class:`desktop.models.signing.SigningIdentity`); each package carries the public
key and the signature of its exact ``manifest.json`` bytes (the manifest holds the sha256 of
every other member, so the signature covers the whole package). The region remembers a
district's public key on the first package and compares the next ones with it. Keys travel
as lowercase hex; people compare the short :func:`fingerprint`. Pure: no Qt, no database.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

# libsodium's binding is a cffi extension that loads cffi's C backend from C: PyInstaller's
# import graph cannot see that, and a bundle without it fails with «No module named
# '_cffi_backend'». Importing it here puts it in the bundle without touching build.spec.
import _cffi_backend  # noqa: F401
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.signing import SigningKey, VerifyKey

#: hex lengths of an Ed25519 public key (32 bytes) and of a signature (64 bytes)
PUBLIC_KEY_HEX = 64
SIGNATURE_HEX = 128
_HEX = re.compile(r"[0-9a-f]+")


def new_private_key() -> str:
    """A new random private key (the 32-byte Ed25519 seed) as hex."""
    return SigningKey.generate().encode().hex()


@dataclass(frozen=True)
class Signer:
    """A private key that signs; its public half goes into every package."""

    private_key: str  #: the 32-byte seed, hex

    @property
    def public_key(self) -> str:
        return SigningKey(bytes.fromhex(self.private_key)).verify_key.encode().hex()

    def sign(self, payload: bytes) -> str:
        """The detached signature of ``payload``, hex."""
        return SigningKey(bytes.fromhex(self.private_key)).sign(payload).signature.hex()


def is_public_key(text: object) -> bool:
    return isinstance(text, str) and len(text) == PUBLIC_KEY_HEX and bool(_HEX.fullmatch(text))


def verify(public_key: str, payload: bytes, signature: str) -> bool:
    """True when ``signature`` (hex) is ``public_key``'s signature of ``payload``."""
    if not is_public_key(public_key) or len(signature) != SIGNATURE_HEX \
            or not _HEX.fullmatch(signature):
        return False
    try:
        VerifyKey(bytes.fromhex(public_key)).verify(payload, bytes.fromhex(signature))
    except (BadSignatureError, CryptoError, ValueError):
        return False
    return True


def fingerprint(public_key: str) -> str:
    """The short form people compare: 16 hex digits of the key's sha256, «3F9A-1C22-8B04-E7D1»."""
    digest = hashlib.sha256(bytes.fromhex(public_key)).hexdigest()[:16].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


def same_fingerprint(typed: str, public_key: str) -> bool:
    """Whether what the user typed (any case, with or without dashes and spaces) names the key."""
    cleaned = re.sub(r"[\s\-:]", "", typed or "").upper()
    return bool(cleaned) and cleaned == fingerprint(public_key).replace("-", "")
