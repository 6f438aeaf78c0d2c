# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
"""S9 "GUI busy": the desktop app `switchyard` under Xvfb with its window (Requests log tab)
shown, against `switchyard-server` of the same build, interleaved wrk rounds at c=16, L=0."""
import os
import re
import shutil
import subprocess

from .arms import Ours
from .scenarios import LogCheck
from .util import GATEWAY_CPU, log, pinned, proc_cpu_seconds, stop_process

SCREEN = "1280x800x24"


class Xvfb:
    """A virtual X display on a free display number (-displayfd), pinned to the gateway's CPU so
    that drawing the window is charged to the gateway's core, as on a one-core budget."""

    def __init__(self, workdir):
        if shutil.which("Xvfb") is None:
            raise RuntimeError("Xvfb is not installed (apt-get install xvfb)")
        rfd, wfd = os.pipe()
        self.proc = subprocess.Popen(
            pinned(GATEWAY_CPU, ["Xvfb", "-displayfd", str(wfd), "-screen", "0", SCREEN, "-nolisten", "tcp",
                                 "-noreset"]),
            pass_fds=(wfd,), stdout=subprocess.DEVNULL, stderr=open(os.path.join(workdir, "xvfb.log"), "ab"))
        os.close(wfd)
        with os.fdopen(rfd) as f:
            number = f.readline().strip()  # written once the server accepts connections
        if not number.isdigit():
            stop_process(self.proc)
            raise RuntimeError("Xvfb did not start (see xvfb.log in the work dir)")
        self.display = f":{number}"
        self.pid = self.proc.pid

    def stop(self):
        stop_process(self.proc)


class GuiOurs(Ours):
    """`switchyard` (the desktop app) with the rig's O configuration, on an Xvfb display, with
    fresh XDG directories so no saved window state (another tab, a hidden window) applies."""
    name = "O window"

    def __init__(self, exe, mock, workdir, display):
        self.display = display
        super().__init__(exe, mock, workdir, subdir="switchyard-gui")

    def command(self, cfg):
        return [self.server, "--config", cfg, "--data-dir", self.data]

    def environ(self):
        env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            d = os.path.join(self.dir, "xdg", var.lower())
            os.makedirs(d, mode=0o700, exist_ok=True)
            env[var] = d
        env.pop("WAYLAND_DISPLAY", None)
        return env


def viewable_windows(display):
    """Names of the viewable top-level windows on the display (xwininfo), or None if unknown."""
    if shutil.which("xwininfo") is None:
        return None
    env = dict(os.environ, DISPLAY=display)
    try:
        tree = subprocess.run(["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True,
                              timeout=10).stdout
        names = []
        for wid, name in re.findall(r"^\s+(0x[0-9a-f]+) \"([^\"]*)\"", tree, re.M):
            info = subprocess.run(["xwininfo", "-id", wid], env=env, capture_output=True, text=True,
                                  timeout=10).stdout
            if "IsViewable" in info:
                names.append(name)
        return names
    except (OSError, subprocess.SubprocessError):
        return None


def _round(ctx, inst, conc, seconds, logs, extra_pid=None):
    pid = inst.pid
    cpu0 = proc_cpu_seconds(pid)
    x0 = proc_cpu_seconds(extra_pid) if extra_pid else None
    w = ctx.runner.wrk(inst, "l0", conc, seconds)
    cpu1 = proc_cpu_seconds(pid)
    x1 = proc_cpu_seconds(extra_pid) if extra_pid else None
    logs.add(w["requests"], in_flight=conc)
    n = w["requests"] or 0
    w["cpu_us_per_request"] = (cpu1 - cpu0) * 1e6 / n if n and cpu0 is not None and cpu1 is not None else None
    w["xvfb_cpu_us_per_request"] = (x1 - x0) * 1e6 / n if n and x0 is not None and x1 is not None else None
    return w


def _summary(rounds, problems, logcheck):
    rates = [r["rate"] for r in rounds if r["rate"]]
    out = {"rate": sum(rates) / len(rates) if rates else None, "round_rates": rates,
           "requests": sum(r["requests"] for r in rounds),
           "p99_ms": max((r["p99_ms"] for r in rounds if r["p99_ms"] is not None), default=None),
           "problems": list(problems), "log": logcheck}
    for key in ("cpu_us_per_request", "xvfb_cpu_us_per_request"):
        vals = [r[key] for r in rounds if r.get(key) is not None]
        out[key] = sum(vals) / len(vals) if vals else None
    for r in rounds:
        if r["non2xx"]:
            out["problems"].append(f"{r['non2xx']} non-2xx replies")
        if r["socket_errors"]:
            out["problems"].append(f"{r['socket_errors']} socket errors")
    if logcheck and not logcheck["ok"]:
        out["problems"].append(f"log has {logcheck['logged']} rows for {logcheck['served']} served")
    return out


def s9(ctx, gui_exe, headless_exe, rounds=3, seconds=5, conc=16, checked=200):
    """Interleaved wrk rounds (headless, window, headless, window, ...) on the same mock; the
    replies of a probe run before and after are checked against the mock's; every request
    either instance served must be in its own request log."""
    if not gui_exe or not os.path.exists(gui_exe):
        return {"missing": "no switchyard GUI binary (pass --gui FILE, or a build with SWITCHYARD_BUILD_GUI=ON)"}
    workdir = ctx.runner.workdir
    started = []
    try:
        try:
            xvfb = Xvfb(workdir)
            started.append(xvfb)
            gui = GuiOurs(gui_exe, ctx.mock, workdir, xvfb.display)
            started.append(gui)
            head = Ours(headless_exe, ctx.mock, workdir, subdir="switchyard-headless")
            started.append(head)
        except (RuntimeError, OSError) as e:
            log(f"S9 missing: {e}")
            return {"missing": str(e)}
        windows = viewable_windows(xvfb.display)
        shown = None if windows is None else any("Switchyard" in w for w in windows)
        insts = {"headless": head, "window": gui}
        figures = {}
        for key, inst in insts.items():
            logs = LogCheck({"O": inst})
            problems = []
            r = ctx.runner.probe(inst, ctx.mock, "l0", 200, requests=500, warmup=0)  # warm-up, checked
            problems += r["problems"]
            logs.add(r["sent"])
            figures[key] = {"logs": logs, "problems": problems, "rounds": []}
        for i in range(rounds):
            for key, inst in insts.items():
                w = _round(ctx, inst, conc, seconds, figures[key]["logs"],
                           xvfb.pid if key == "window" else None)
                figures[key]["rounds"].append(w)
                log(f"S9 round {i + 1} {key}: {w['rate']} req/s")
        for key, inst in insts.items():
            r = ctx.runner.probe(inst, ctx.mock, "l0", 200, requests=checked // 4, conc=4, warmup=0)
            figures[key]["problems"] += r["problems"]
            figures[key]["logs"].add(r["sent"])
        if shown is False:
            figures["window"]["problems"].append(f"no viewable Switchyard window on {xvfb.display}: {windows}")
        head_s = _summary(figures["headless"]["rounds"], figures["headless"]["problems"],
                          figures["headless"]["logs"].result())
        gui_s = _summary(figures["window"]["rounds"], figures["window"]["problems"], figures["window"]["logs"].result())
        # The cell's "O" is the windowed app: its problems and its log check fail the run like O's;
        # the headless reference's problems are folded in so that they fail it too.
        gui_s["problems"] += [f"headless: {p}" for p in head_s["problems"]]
        cell = {"arms": {"O": gui_s}, "headless": head_s, "log": gui_s["log"],
                "window_shown": shown, "windows": windows, "display": xvfb.display,
                "gui": gui_exe, "headless_server": headless_exe, "concurrency": conc,
                "seconds_per_round": seconds, "rounds": rounds}
        log(f"S9: window {gui_s['rate']} req/s, headless {head_s['rate']} req/s")
        return {f"c={conc}": cell}
    finally:
        for p in reversed(started):
            p.stop()
