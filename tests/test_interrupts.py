"""Ctrl-C and SIGTERM at any moment (``desktop.interrupts``): «Прервано.» and exit code 2, never a
traceback; a command that reported success exits 0; the window closes with code 2.

The signal is sent once the program's handlers are in place (SIGTERM is caught: Linux shows it
in ``/proc/PID/status``), then after a spread of delays, so that it lands in start-up, in the
work and after it. Before its handlers exist no Python program can answer a signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import interrupts
from desktop.app import lock_path_for

SIGTERM_BIT = 1 << (signal.SIGTERM - 1)


def _catches_sigterm(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught, 16) & SIGTERM_BIT)


def _wait_for(condition, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            return  # finished before: the test still checks how it ended
        assert time.monotonic() < deadline, "the program never got ready"
        time.sleep(0.005)


def _start(args: list[str], cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DOROZHNAYA_KARTA_DATA": str(cwd / "data")}
    return subprocess.Popen([sys.executable, "-m", "desktop", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize(("sig", "delay"), [
    (signal.SIGINT, 0.0), (signal.SIGINT, 0.4), (signal.SIGINT, 1.5),
    (signal.SIGTERM, 0.0), (signal.SIGTERM, 0.4), (signal.SIGTERM, 1.5),
])
def test_command_interrupted_at_any_moment(demo_db_file: Path, tmp_path: Path, sig: int,
                                           delay: float) -> None:
    out = tmp_path / "order.pdf"
    process = _start(["export", "order", "--db", str(demo_db_file), "--roadmap", "1",
                      "-o", str(out)], tmp_path)
    _wait_for(lambda: _catches_sigterm(process.pid), process)
    time.sleep(delay)  # a spread of moments, not a wait for a condition
    if process.poll() is None:
        process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=120)
    assert "Traceback" not in stderr, stderr
    if "Приказ сохранён" in stdout:
        assert process.returncode == 0, (stdout, stderr)
        assert out.stat().st_size > 1000
    else:
        assert process.returncode == interrupts.EXIT_INTERRUPTED, (stdout, stderr)
        assert stderr.strip().splitlines()[-1] == "Прервано."
        assert not out.exists()  # the PDF is written whole or not at all


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_window_closes_on_a_signal(demo_db_file: Path, tmp_path: Path, sig: int) -> None:
    db = tmp_path / "demo.db"
    db.write_bytes(demo_db_file.read_bytes())
    process = _start(["--db", str(db)], tmp_path)
    _wait_for(lock_path_for(db).exists, process)  # the window has taken its database
    assert process.poll() is None, process.communicate()
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == interrupts.EXIT_INTERRUPTED, stderr
    assert "Traceback" not in stderr, stderr
    assert stderr.strip().splitlines()[-1] == "Прервано."
    assert not lock_path_for(db).exists()  # closed properly: the lock is released


def test_settle_ignores_later_signals() -> None:
    before = {sig: signal.getsignal(sig) for sig in interrupts.SIGNALS}
    try:
        interrupts.install()
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(1)  # the handler runs at the next bytecode; never reached
        interrupts.settle()
        os.kill(os.getpid(), signal.SIGINT)  # ignored now
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
