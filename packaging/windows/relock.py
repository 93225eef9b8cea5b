"""Rewrites the hashes in packaging/windows/requirements.txt from downloaded wheels.

``packaging/windows/build.sh --relock`` downloads the wheel of each ``name==version`` line
for win_amd64 and calls this with the file and the download folder; the comment block at
the top of the file is kept, each pin is written again with the hash of its wheel.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from packaging.utils import canonicalize_name, parse_wheel_filename


def relock(requirements: Path, wheels: Path) -> str:
    header = []
    for line in requirements.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    pins = []
    for wheel in sorted(wheels.glob("*.whl"), key=lambda p: canonicalize_name(p.name)):
        name, version, *_ = parse_wheel_filename(wheel.name)
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        pins.append(f"{name}=={version} \\\n    --hash=sha256:{digest}")
    return "\n".join([*header, *pins]) + "\n"


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(relock(path, Path(sys.argv[2])), encoding="utf-8")
