# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
"""bench/run: BENCHMARK.md's quick profile (default, < 10 min) or --full."""
import argparse
import os
import shutil
import sys
import tempfile
import time

from . import gui, report, scenarios, setup
from .arms import Mock, start_arms
from .measure import Runner
from .util import ROOT, log, write_json

QUICK = ["S1", "S3", "S4", "S5", "S7", "S8", "S9"]
FULL = ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"]


class Context:
    def __init__(self, arms, mock, runner, full):
        self.arms, self.mock, self.runner, self.full = arms, mock, runner, full
        self.s3_rate_o = None


def parse_args(argv):
    p = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    p.add_argument("--full", action="store_true", help="all scenarios, longer runs")
    p.add_argument("--only", help="comma-separated scenarios, e.g. S1,S3")
    p.add_argument("--arms", default="D,N,O,P", help="comma-separated arms (default D,N,O,P)")
    p.add_argument("--server", help="use this switchyard-server instead of building one")
    p.add_argument("--build-dir", default=os.environ.get("SWITCHYARD_BENCH_BUILD_DIR",
                                                         os.path.join(ROOT, "build-bench")))
    p.add_argument("--gui", help="S9: use this switchyard (desktop app) instead of building one; the headless "
                   "reference is the switchyard-server next to it (else --server's)")
    p.add_argument("--gui-build-dir", help="S9: where to build switchyard + switchyard-server (Release, GUI on; "
                   "default: <build-dir>-gui)")
    p.add_argument("--portkey-dir", default=os.path.expanduser("~/.cache/switchyard-bench/portkey"),
                   help="scratch npm directory for Portkey (outside the repo)")
    p.add_argument("--seconds", type=int, default=15, help="wrk time per arm and S3 cell (3 interleaved rounds)")
    p.add_argument("--soak-minutes", type=float, default=10.0, help="S6 load phase (idle phase: a fifth)")
    p.add_argument("--rounds", type=int, default=5, help="S1 interleaved rounds")
    p.add_argument("--no-install", action="store_true", help="do not apt-get/npm install anything")
    p.add_argument("--results-dir", default=os.path.join(ROOT, "bench", "results"))
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    started = time.monotonic()
    wanted = [s.strip().upper() for s in args.only.split(",")] if args.only else (FULL if args.full else QUICK)
    arm_names = [a.strip().upper() for a in args.arms.split(",")]
    if "D" not in arm_names:
        arm_names.insert(0, "D")  # every delta is against D
    if not args.no_install:
        setup.ensure_packages(["nginx", "wrk", "hey"] + (["Xvfb", "xauth", "xwininfo"] if "S9" in wanted else []))
    source = setup.source_state()
    tools = setup.build_tools(os.path.join(args.build_dir, "bench-tools"))
    server = os.path.abspath(args.server) if args.server else setup.build_server(args.build_dir)
    gui_exe, gui_headless = (setup.gui_binaries(args.gui, server, args.server,
                                                args.gui_build_dir or args.build_dir.rstrip("/") + "-gui")
                             if "S9" in wanted else (None, None))
    portkey = None
    if "P" in arm_names:
        if args.no_install:
            start = os.path.join(args.portkey_dir, "node_modules/@portkey-ai/gateway/build/start-server.js")
            portkey = start if os.path.exists(start) else None
        else:
            portkey = setup.install_portkey(args.portkey_dir)
    workdir = tempfile.mkdtemp(prefix="switchyard-bench-")
    mock = Mock(tools["mockupstream"], workdir)
    arms, missing = {}, {}
    try:
        arms, missing = start_arms(arm_names, server, portkey, mock, workdir)
        runner = Runner(tools, workdir)
        ctx = Context(arms, mock, runner, args.full)
        for name, arm in arms.items():  # warm-up: Portkey's JIT needs 500, the others get the same
            runner.probe(arm, mock, "l0", 200, requests=500, warmup=0)
        log(f"arms up: {', '.join(arms)}; missing: {', '.join(missing) or 'none'}")
        sc = {}
        if "S1" in wanted:
            sc["S1"] = scenarios.s1(ctx, rounds=args.rounds)
        if "S2" in wanted:
            sc["S2"] = scenarios.s2(ctx)
        if "S3" in wanted:
            sc["S3"] = scenarios.s3(ctx, (16, 64, 256) if args.full else (16,), args.seconds)
            ctx.s3_rate_o = max((c["arms"].get("O", {}).get("rate") or 0 for c in sc["S3"].values()), default=0) or None
        if "S4" in wanted:
            sc["S4"] = scenarios.s4(ctx, conc_requests=((1, 20), (32, 3)) if args.full else ((1, 15), (32, 1)))
        if "S5" in wanted:
            sc["S5"] = scenarios.s5(ctx)
        if "S6" in wanted:
            sc["S6"] = scenarios.s6(ctx, minutes=args.soak_minutes, idle_minutes=args.soak_minutes / 5)
        if "S7" in wanted:
            sc["S7"] = scenarios.s7(ctx, requests=5000 if args.full else 2000)
        if "S8" in wanted:
            sc["S8"] = scenarios.s8(ctx)
        if "S9" in wanted:
            sc["S9"] = gui.s9(ctx, gui_exe, gui_headless, rounds=5 if args.full else 3,
                              seconds=10 if args.full else 5)
        env = setup.environment(args.build_dir if not args.server else None, server, portkey, source)
        result = {"date": time.strftime("%Y-%m-%d %H:%M"), "profile": "full" if args.full else "quick",
                  "arms": list(arms), "missing": missing, "env": env, "scenarios": sc,
                  "elapsed_s": round(time.monotonic() - started)}
        result["ratios"] = report.ratios(sc)
        os.makedirs(args.results_dir, exist_ok=True)
        # A partial run (--only) gets its own name so that it never overwrites a whole run's file.
        suffix = ("-" + "-".join(wanted)) if args.only else ""
        out = os.path.join(args.results_dir,
                           f"{time.strftime('%Y-%m-%d')}-{env.get('git_sha') or 'nogit'}{suffix}.json")
        write_json(out, result)
        print(report.markdown(result))
        print(f"\nWrote {os.path.relpath(out, ROOT)} in {result['elapsed_s']} s")
        # Wrong replies from D, N or O mean the rig or the gateway is broken: the run fails.
        # Portkey's own failures (socket errors at c=256) fail its cells, shown above, not the run.
        bad = [a for a in (set(arms) - {"P"}) | {"O"} if report._problems(sc, a)]  # S9 runs its own O
        return 1 if bad else 0
    finally:
        for arm in arms.values():
            arm.stop()
        mock.stop()
        shutil.rmtree(workdir, ignore_errors=True)

