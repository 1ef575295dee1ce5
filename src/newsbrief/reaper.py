"""Ends the processes of a local Ray when the run that started it dies in any way, kill -9 included.

`ray.init` ties its GCS server and raylet to the driver, but the agents the
raylet starts (ray::DashboardAgent, ray::RuntimeEnvAgent) outlive a driver
killed with SIGKILL (issue 11; measured here with Ray 2.60: still there minutes
later). The driver starts this watcher in a session of its own with a pipe on
its stdin; the watcher notes the driver's Ray processes every
REAPER_POLL_S seconds and, when the pipe closes (the driver exited or was
killed), ends those of them still running. A pid is only signalled while its
start time is the one noted, so a reused pid is never hit.

Run as `python -m newsbrief.reaper DRIVER_PID`.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time

from . import config


def _stat(pid: int) -> tuple[int, str, int] | None:
    """(parent pid, state, start time in clock ticks) of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), fields[0], int(fields[19])


def _is_ray(pid: int) -> bool:
    """Whether a process is one of Ray's (its command line names ray, or its title is ray::…)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read()
    except OSError:
        return False
    return cmd.startswith(b"ray::") or b"/ray/" in cmd


def ray_descendants(root: int) -> dict[int, int]:
    """The Ray processes below root (children, their children …) as pid -> start time."""
    children: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(int(entry))
            if st is not None:
                children.setdefault(st[0], []).append(int(entry))
                starts[int(entry)] = st[2]
    found: dict[int, int] = {}
    todo = list(children.get(root, []))
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        if _is_ray(pid):
            found[pid] = starts[pid]
    return found


def alive(noted: dict[int, int]) -> list[int]:
    """The noted processes still running (the same start time; a zombie counts as ended)."""
    out = []
    for pid, start in noted.items():
        st = _stat(pid)
        if st is not None and st[2] == start and st[1] != "Z":
            out.append(pid)
    return out


def end(noted: dict[int, int]) -> None:
    """SIGTERM the noted processes still running, then SIGKILL what is left after a grace period."""
    for sig, wait in ((signal.SIGTERM, config.REAPER_GRACE_S), (signal.SIGKILL, 0.0)):
        for pid in alive(noted):
            try:
                os.kill(pid, sig)
            except OSError:
                pass
        deadline = time.monotonic() + wait
        while alive(noted) and time.monotonic() < deadline:
            time.sleep(0.1)


def watch(driver: int) -> None:
    """Note the driver's Ray processes until stdin closes, then end those still running."""
    noted: dict[int, int] = {}
    while True:
        noted.update(ray_descendants(driver))
        ready, _, _ = select.select([sys.stdin], [], [], config.REAPER_POLL_S)
        if ready and not os.read(sys.stdin.fileno(), 64):
            break
    end(noted)


def start() -> subprocess.Popen:
    """Start a watcher of this process; close its stdin (or die) to make it act."""
    return subprocess.Popen([sys.executable, "-m", "newsbrief.reaper", str(os.getpid())], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C meant for the run must not end its cleaner
    watch(int(sys.argv[1]))
