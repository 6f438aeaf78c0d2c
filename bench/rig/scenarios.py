# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
"""The scenarios of BENCHMARK.md. Each returns {"arms": {arm: figures}, ...} with correctness
problems listed per cell. Arms are interleaved where the table asks for rounds."""
import time

from .measure import summary_us
from .util import log, proc_cpu_seconds, proc_cpu_times, proc_fd_count, proc_rss_mib


class LogCheck:
    """Counts O's request-log rows around a measurement: every request O served must be there."""

    def __init__(self, arms):
        self.o = arms.get("O")
        self.served = 0
        # Settled: rows of requests served before this check (warm-ups) may still be on their
        # way from the journal into SQLite, and would count as this measurement's.
        self.before = self.o.settled_rows() if self.o else None
        self.slack = 0

    def add(self, served, in_flight=0):
        self.served += served
        self.slack += in_flight

    def result(self):
        if not self.o:
            return None
        rows = self.o.wait_rows(self.before + self.served) - self.before
        ok = self.served <= rows <= self.served + self.slack
        return {"served": self.served, "logged": rows, "ok": ok}


def s1(ctx, sizes=(200, 10240), rounds=5, requests=200):
    out = {}
    for size in sizes:
        lat = {a: [] for a in ctx.arms}
        problems = {a: [] for a in ctx.arms}
        logs = LogCheck(ctx.arms)
        for rnd in range(rounds):
            for name, arm in ctx.arms.items():
                r = ctx.runner.probe(arm, ctx.mock, "l0", size, requests=requests, warmup=10)
                lat[name] += r["lat_us"]
                problems[name] += r["problems"]
                if name == "O":
                    logs.add(r["sent"])
        out[str(size)] = {"arms": {a: dict(summary_us(lat[a]), problems=problems[a]) for a in ctx.arms},
                          "log": logs.result()}
        log(f"S1 {size} B: " + ", ".join(f"{a} p50 {v['p50_ms']:.3f} ms" for a, v in out[str(size)]["arms"].items()))
    return out


def s3(ctx, concurrencies=(16,), seconds=15, rounds=3):
    """Closed-loop ceiling with wrk at L=0: each arm runs `rounds` rounds of seconds/rounds,
    interleaved (D N O P, D N O P, …) so that a noisy neighbour hits every arm alike. Rate,
    p50 and p99 are the median round's (robust to one disturbed round, and to Portkey still
    warming up in its first), CPU and log checks are over all rounds."""
    out = {}
    per_round = max(1, round(seconds / rounds))
    for c in concurrencies:
        cell = {"arms": {}}
        acc = {}
        for name, arm in ctx.arms.items():
            acc[name] = {"runs": [], "cpu": 0.0, "user": 0.0, "rss0": proc_rss_mib(arm.pid),
                         "fd0": proc_fd_count(arm.pid),
                         "logs": LogCheck({"O": arm} if name == "O" else {})}
        for _ in range(rounds):
            for name, arm in ctx.arms.items():
                # CPU counted in the arm's own rounds only: D (the mock) also serves the others.
                cpu0 = proc_cpu_times(arm.pid)
                w = ctx.runner.wrk(arm, "l0", c, per_round)
                cpu1 = proc_cpu_times(arm.pid)
                acc[name]["runs"].append(w)
                if cpu0 is None or cpu1 is None or acc[name]["cpu"] is None:
                    acc[name]["cpu"] = None
                else:
                    acc[name]["cpu"] += sum(cpu1) - sum(cpu0)
                    acc[name]["user"] += cpu1[0] - cpu0[0]
        for name, arm in ctx.arms.items():
            a = acc[name]
            runs = a["runs"]
            requests = sum(r["requests"] or 0 for r in runs)
            rates = [r["rate"] for r in runs if r["rate"] is not None]

            def median(key):
                values = sorted(r[key] for r in runs if r.get(key) is not None)
                return values[len(values) // 2] if values else None

            w = {"rate": median("rate") if len(rates) == len(runs) else None,
                 "round_rates": rates, "requests": requests,
                 "p50_ms": median("p50_ms"), "p99_ms": median("p99_ms"),
                 "non2xx": sum(r["non2xx"] or 0 for r in runs),
                 "socket_errors": sum(r["socket_errors"] or 0 for r in runs)}
            if name == "O":
                a["logs"].add(requests, in_flight=c * len(runs))
            w["cpu_us_per_request"] = a["cpu"] * 1e6 / requests if requests and a["cpu"] is not None else None
            # User space apart: the kernel's share (sends, receives, sleeps) is alike for every
            # proxy; what a gateway adds on top shows in the user part.
            w["user_us_per_request"] = a["user"] * 1e6 / requests if requests and a["cpu"] is not None else None
            w["rss_idle_mib"], w["rss_after_mib"], w["fds_before"] = a["rss0"], proc_rss_mib(arm.pid), a["fd0"]
            w["problems"] = ([f"{w['non2xx']} non-2xx replies"] if w["non2xx"] else []) + \
                            ([f"{w['socket_errors']} socket errors"] if w["socket_errors"] else [])
            w["log"] = a["logs"].result()
            if w["log"] and not w["log"]["ok"]:
                w["problems"].append(f"log has {w['log']['logged']} rows for {w['log']['served']} served")
            cell["arms"][name] = w
            log(f"S3 c={c} {name}: {w['rate'] and round(w['rate'], 1)} req/s "
                f"(rounds {', '.join(str(round(r)) for r in rates)}), p99 {w['p99_ms']} ms")
        d = cell["arms"].get("D", {}).get("rate")
        best = max((v["rate"] or 0 for a, v in cell["arms"].items() if a != "D"), default=0)
        cell["mock_bound"] = bool(d and best and d < 3 * best)
        out[str(c)] = cell
    return out


def s4(ctx, profiles=("s20", "s200"), conc_requests=((1, 15), (32, 1))):
    from .arms import PROFILES
    out = {}
    for p in profiles:
        gap = PROFILES[p][3]
        for conc, n in conc_requests:
            cell = {"arms": {}}
            for name, arm in ctx.arms.items():
                logs = LogCheck({"O": arm} if name == "O" else {})
                r = ctx.runner.probe(arm, ctx.mock, p, 200, stream=True, requests=n, conc=conc,
                                     warmup=0, stall_ms=gap + 100)
                ttfc, gaps = summary_us(r["ttfc_us"]), summary_us(r["gaps_us"])
                cell["arms"][name] = {"ttfc_p50_ms": ttfc["p50_ms"], "ttfc_p99_ms": ttfc["p99_ms"],
                                      "gap_p50_ms": gaps["p50_ms"], "gap_p99_ms": gaps["p99_ms"],
                                      "stalls": r["stalls"], "requests": r["requests"],
                                      "fidelity": r["correct"], "problems": r["problems"]}
                if name == "O":
                    logs.add(r["sent"])
                    cell["arms"][name]["log"] = logs.result()
            out[f"{p} c={conc}"] = cell
            log(f"S4 {p} c={conc}: " + ", ".join(f"{a} ttfc {v['ttfc_p50_ms']} ms" for a, v in cell["arms"].items()))
    return out


def s5(ctx, sizes=(10240, 262144), requests=100):
    out = {}
    for size in sizes:
        cell = {"arms": {}}
        for name, arm in ctx.arms.items():
            r = ctx.runner.probe(arm, ctx.mock, "l0", size, requests=requests, warmup=5)
            cell["arms"][name] = dict(summary_us(r["lat_us"]), problems=r["problems"])
        out[str(size)] = cell
    log("S5 done")
    return out


def s7(ctx, requests=2000, conc=4):
    out = {"arms": {}}
    for name, arm in ctx.arms.items():
        pid = arm.pid
        fd0 = proc_fd_count(pid)
        logs = LogCheck({"O": arm} if name == "O" else {})
        r = ctx.runner.hey(arm, "l0", requests, conc)
        if name == "O":
            logs.add(requests)
        end = time.monotonic() + 3  # the server may still be closing its side of the last sockets
        while fd0 is not None and (proc_fd_count(pid) or 0) > fd0 + 4 and time.monotonic() < end:
            time.sleep(0.05)
        r["fds_before"], r["fds_after"] = fd0, proc_fd_count(pid)
        r["fd_leak"] = bool(fd0 is not None and r["fds_after"] is not None and r["fds_after"] > fd0 + 4)
        r["problems"] = ([] if r["ok"] == requests else [f"{requests - r['ok']} of {requests} not 200"]) + \
                        (["fd leak"] if r["fd_leak"] else [])
        r["log"] = logs.result()
        out["arms"][name] = r
        log(f"S7 {name}: {r['rate']} req/s")
    return out


def s8(ctx):
    out = {"arms": {}}
    for name in ("N", "O", "P"):
        arm = ctx.arms.get(name)
        if not arm:
            continue
        times = []
        for i in range(3):
            arm.stop()
            if name == "O":
                times.append(arm.start(data_dir=f"{arm.dir}/cold-{i}") * 1000)
            else:
                t0 = time.monotonic()
                arm.start()
                times.append((time.monotonic() - t0) * 1000)
        out["arms"][name] = {"ms_to_first_200": sorted(times)[1], "runs_ms": times, "problems": []}
        log(f"S8 {name}: {sorted(times)[1]:.0f} ms")
    return out


def s2(ctx, rates=(100, 200, 400, 800, 1600, 3200), seconds=4, latency_ms=50, slack_ms=5):
    """Open-loop fixed rate at L=50 ms: the highest offered rate whose p99 stays ≤ L+5 ms
    (max_rate), and, for noisy machines where D itself sits near L+5, the highest whose p99 stays
    within 5 ms of D's at the same step (max_rate_vs_d). Stepping stops for an arm at its first
    failed step; a step where D misses L+5 ms is rig-bound and counts only for the relative rule."""
    out = {"steps": {}, "arms": {a: {"max_rate": None, "max_rate_vs_d": None, "problems": []}
                                 for a in ctx.arms}}
    alive, abs_alive = set(ctx.arms), set(ctx.arms)
    limit = latency_ms + slack_ms
    for rate in rates:
        step = {"arms": {}}
        conns = min(400, int(rate * (latency_ms + slack_ms) / 1000 * 2) + 8)
        per_conn = max(1, -(-rate * seconds // conns))
        for name, arm in ctx.arms.items():
            if name not in alive:
                continue
            r = ctx.runner.probe(arm, ctx.mock, "l50", 200, requests=per_conn, conc=conns, warmup=0,
                                 rate=rate)
            s = summary_us(r["lat_us"])
            step["arms"][name] = {"p50_ms": s["p50_ms"], "p99_ms": s["p99_ms"], "errors": r["errors"],
                                  "problems": r["problems"]}
            out["arms"][name]["problems"] += r["problems"]
        d = step["arms"].get("D", {}).get("p99_ms")
        step["rig_bound"] = d is None or d > limit
        for name, v in step["arms"].items():
            ok = v["p99_ms"] is not None and not v["errors"]
            if not step["rig_bound"] and name in abs_alive:
                if ok and v["p99_ms"] <= limit:
                    out["arms"][name]["max_rate"] = rate
                else:
                    abs_alive.discard(name)
            if ok and d is not None and v["p99_ms"] <= d + slack_ms:
                out["arms"][name]["max_rate_vs_d"] = rate
            else:
                alive.discard(name)
        out["steps"][str(rate)] = step
        log(f"S2 {rate}/s{' rig-bound' if step['rig_bound'] else ''}: "
            + ", ".join(f"{a} p99 {v['p99_ms']} ms" for a, v in step["arms"].items()))
        if alive <= {"D"}:
            break
    return out


def s6(ctx, minutes=10.0, idle_minutes=2.0, rate=None):
    """Soak: mixed non-stream (80 %) and stream (20 %) at half O's S3 rate; RSS every 5 s."""
    if rate is None:
        o_rate = ctx.s3_rate_o or 1000
        rate = max(50, int(o_rate / 2))
    seconds = minutes * 60
    out = {"rate": rate, "minutes": minutes, "arms": {}}
    for name in ("O", "P"):
        arm = ctx.arms.get(name)
        if not arm:
            continue
        pid = arm.pid
        idle = proc_rss_mib(pid)
        logs = LogCheck({"O": arm} if name == "O" else {})
        conns = 16
        plain = ctx.runner.probe_async(arm, ctx.mock, "l0", 200, requests=max(1, int(rate * 0.8 * seconds / conns)),
                                       conc=conns, warmup=0, rate=rate * 0.8, deadline=seconds)
        streams = ctx.runner.probe_async(arm, ctx.mock, "s0", 200, stream=True, conc=conns, warmup=0,
                                         requests=max(1, int(rate * 0.2 * seconds / conns)), rate=rate * 0.2,
                                         deadline=seconds)
        samples = []
        t0 = time.monotonic()
        while time.monotonic() - t0 < seconds:
            time.sleep(5)  # sampling period, not a synchronisation
            samples.append((time.monotonic() - t0, proc_rss_mib(pid)))
        r1, r2 = plain(), streams()
        if name == "O":
            logs.add(r1["sent"] + r2["sent"])
        time.sleep(idle_minutes * 60)
        recovered = proc_rss_mib(pid)
        half = [s for s in samples if s[0] >= seconds / 2 and s[1] is not None]
        steady = sorted(v for _, v in half)[len(half) // 2] if half else None
        growth = None
        if len(half) >= 2:
            mx = sum(t for t, _ in half) / len(half)
            my = sum(v for _, v in half) / len(half)
            den = sum((t - mx) ** 2 for t, _ in half)
            growth = sum((t - mx) * (v - my) for t, v in half) / den * 60 if den else None
        out["arms"][name] = {
            "rss_idle_mib": idle, "rss_steady_mib": steady,
            "rss_peak_mib": max((v for _, v in samples if v is not None), default=None),
            "rss_recovered_mib": recovered, "growth_mib_per_min": growth,
            "served": r1["requests"] + r2["requests"], "offered": int(rate * seconds),
            "problems": r1["problems"] + r2["problems"],
            "log": logs.result()}
        log(f"S6 {name}: idle {idle} MiB, steady {steady} MiB, growth {growth} MiB/min")
    return out
