# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
"""BENCHMARK.md's ratios with pass/fail, and the markdown tables of absolutes and deltas."""


def _get(d, *path):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return None
        d = d[p]
    return d


def _ratio(num, den):
    if num is None or den is None or den <= 0:
        return None
    return num / den


def _added(cell, arm, key):
    a, d = _get(cell, "arms", arm, key), _get(cell, "arms", "D", key)
    return None if a is None or d is None else a - d


def _problems(scenarios, arm):
    out = []

    def walk(name, node):
        if isinstance(node, dict):
            if "arms" in node and isinstance(node["arms"], dict):
                out.extend(f"{name}: {p}" for p in node["arms"].get(arm, {}).get("problems", []))
                lg = node.get("log") if arm == "O" else None
                if lg and not lg["ok"]:
                    out.append(f"{name}: log has {lg['logged']} rows for {lg['served']} served")
            for k, v in node.items():
                if k != "arms":
                    walk(f"{name} {k}".strip(), v)
    walk("", scenarios)
    return out


def ratios(sc):
    s1 = _get(sc, "S1", "200")
    s3 = _get(sc, "S3", "16")
    s4 = _get(sc, "S4", "s20 c=1")
    rows = []

    def row(goal, value, target, op, note=""):
        if value is None:
            verdict = "n/a"
        else:
            verdict = "pass" if (value <= target if op == "<=" else value >= target) else "FAIL"
        rows.append({"goal": goal, "value": value, "target": f"{op} {target}", "verdict": verdict,
                     "note": note})

    mock_bound = " (mock-bound)" if _get(s3, "mock_bound") else ""
    row("overhead vs nginx hop, c=1, 200 B: (O−D)÷(N−D) p50",
        _ratio(_added(s1, "O", "p50_ms"), _added(s1, "N", "p50_ms")), 1.2, "<=", "S1")
    row("overhead vs Portkey, c=1: (O−D)÷(P−D) p50",
        _ratio(_added(s1, "O", "p50_ms"), _added(s1, "P", "p50_ms")), 0.2, "<=", "S1")
    row("overhead tail, c=1: (O−D)÷(P−D) p99",
        _ratio(_added(s1, "O", "p99_ms"), _added(s1, "P", "p99_ms")), 0.1, "<=", "S1")
    row("throughput vs nginx hop, c=16: rate(O)÷rate(N)",
        _ratio(_get(s3, "arms", "O", "rate"), _get(s3, "arms", "N", "rate")), 0.5, ">=", "S3" + mock_bound)
    if _get(sc, "S2"):
        row("throughput vs Portkey, p99 ≤ L+5 ms: rate(O)÷rate(P)",
            _ratio(_get(sc, "S2", "arms", "O", "max_rate"), _get(sc, "S2", "arms", "P", "max_rate")), 15, ">=",
            "S2 open loop, L=50 ms, highest passing step; relative to D (p99 ≤ D's + 5 ms): "
            + _f(_ratio(_get(sc, "S2", "arms", "O", "max_rate_vs_d"), _get(sc, "S2", "arms", "P", "max_rate_vs_d")), 1))
    else:
        row("throughput vs Portkey: rate(O)÷rate(P)",
            _ratio(_get(s3, "arms", "O", "rate"), _get(s3, "arms", "P", "rate")), 15, ">=",
            "S3 c=16 closed loop, 3 interleaved rounds, as a stand-in (S2, --full, has the p99 ≤ L+5 ms rule)" + mock_bound)
    s4o = [c["arms"]["O"] for c in (_get(sc, "S4") or {}).values() if "O" in c["arms"]]
    fidelity = all(c["fidelity"] for c in s4o) if s4o else None
    stalls = sum(c["stalls"] for c in s4o) if s4o else None
    row("streaming, added time to first content chunk: (O−D)÷(P−D)",
        _ratio(_added(s4, "O", "ttfc_p50_ms"), _added(s4, "P", "ttfc_p50_ms")), 0.02, "<=",
        f"S4 s20 c=1; O chunk fidelity {'100 %' if fidelity else 'BROKEN' if fidelity is False else 'n/a'}, "
        f"{stalls} stalls")
    if fidelity is False or (stalls or 0) > 0:
        rows[-1]["verdict"] = "FAIL"
    row("CPU per request: O÷P", _ratio(_get(s3, "arms", "O", "cpu_us_per_request"),
                                        _get(s3, "arms", "P", "cpu_us_per_request")), 0.1, "<=", "S3 c=16, procfs")
    s6 = _get(sc, "S6", "arms") or {}

    def delta(a):
        v = s6.get(a, {})
        return None if v.get("rss_steady_mib") is None else v["rss_steady_mib"] - v["rss_idle_mib"]
    growth = _get(s6, "O", "growth_mib_per_min")
    row("memory under load: ΔRSS(O)÷ΔRSS(P)", _ratio(delta("O"), delta("P")), 0.25, "<=",
        "S6 soak (--full)" + ("" if growth is None else f"; O grows {growth:.2f} MiB/min (≤ 1)"))
    if growth is not None and growth > 1:
        rows[-1]["verdict"] = "FAIL"
    lg = _get(s3, "arms", "O", "log")
    row("logging: rows in the log ÷ requests served", _ratio(lg["logged"], lg["served"]) if lg else None,
        1.0, ">=", "S3 c=16 (up to c in flight at the end)" + ("" if not lg or lg["ok"] else "; MISMATCH"))
    if lg and not lg["ok"]:
        rows[-1]["verdict"] = "FAIL"
    s9 = _get(sc, "S9")
    s9c = next(iter(s9.values()), None) if isinstance(s9, dict) and "missing" not in s9 else None
    if s9 and "missing" in s9:
        note = f"S9 missing: {s9['missing']}"
    elif s9c:
        note = (f"S9 wrk c={s9c['concurrency']}, {s9c['rounds']}×{s9c['seconds_per_round']} s interleaved, "
                f"Requests tab {'shown' if s9c['window_shown'] else 'NOT shown' if s9c['window_shown'] is False else 'unverified'}")
    else:
        note = "S9 not run"
    row("GUI busy: rate(O, window)÷rate(O, headless)",
        _ratio(_get(s9c, "arms", "O", "rate"), _get(s9c, "headless", "rate")), 0.8, ">=", note)
    if s9c and (s9c["arms"]["O"]["problems"] or s9c["window_shown"] is False):
        rows[-1]["verdict"] = "FAIL"
    return rows


def _f(v, digits=3):
    return "—" if v is None else f"{v:.{digits}f}"


def markdown(result):
    sc, arms = result["scenarios"], result["arms"]
    lines = [f"Switchyard benchmark {result['date']} ({result['env'].get('git_sha')}"
             f"{' dirty' if result['env'].get('git_dirty') else ''}), {result['profile']} profile, "
             f"{result['env'].get('cpu')}, {result['env'].get('cpus')} CPUs, kernel {result['env'].get('kernel')}", ""]
    if result.get("missing"):
        lines += [f"Missing arms: " + "; ".join(f"{k}: {v}" for k, v in result["missing"].items()), ""]
    head = "| cell | " + " | ".join(arms) + " |"
    sep = "|---|" + "---|" * len(arms)

    def table(title, cells, fmt):
        nonlocal lines
        lines += [f"**{title}**", "", head, sep]
        for label, cell in cells:
            lines.append(f"| {label} | " + " | ".join(fmt(cell, a) for a in arms) + " |")
        lines.append("")

    def added(cell, a, key):
        v = _get(cell, "arms", a, key)
        if v is None:
            return "—"
        return f"{v:.3f}" if a == "D" else f"{v:.3f} (+{_added(cell, a, key):.3f})"

    if "S1" in sc:
        table("S1 sequential, c=1, ms: p50 (added) / p99 (added)", [(f"{k} B", v) for k, v in sc["S1"].items()],
              lambda c, a: f"{added(c, a, 'p50_ms')} / {added(c, a, 'p99_ms')}")
    if "S2" in sc:
        table("S2 fixed rate (open loop, L=50 ms): p99 ms per offered rate; last row = max rate with p99 ≤ 55 ms",
              [(f"{k}/s{' rig-bound' if v['rig_bound'] else ''}", v) for k, v in sc["S2"]["steps"].items()]
              + [("max rate", sc["S2"])],
              lambda c, a: (f"{_f(_get(c, 'arms', a, 'max_rate'), 0)} (vs D: {_f(_get(c, 'arms', a, 'max_rate_vs_d'), 0)})"
                            if "steps" in c
                            else _f(_get(c, "arms", a, "p99_ms"), 2)))
    if "S3" in sc:
        table("S3 ceiling (wrk, L=0): req/s, p99 ms, CPU µs/req (of which user space)",
              [(f"c={k}{' mock-bound' if v['mock_bound'] else ''}", v) for k, v in sc["S3"].items()],
              lambda c, a: f"{_f(_get(c, 'arms', a, 'rate'), 0)}, {_f(_get(c, 'arms', a, 'p99_ms'))}, "
                           f"{_f(_get(c, 'arms', a, 'cpu_us_per_request'), 0)}"
                           f" ({_f(_get(c, 'arms', a, 'user_us_per_request'), 0)})")
    if "S4" in sc:
        table("S4 streaming, ms: first content chunk p50 (added) / gap p99, stalls",
              list(sc["S4"].items()),
              lambda c, a: f"{added(c, a, 'ttfc_p50_ms')} / {_f(_get(c, 'arms', a, 'gap_p99_ms'))}, "
                           f"{_get(c, 'arms', a, 'stalls')}")
    if "S5" in sc:
        table("S5 body size, c=1, ms: p50 (added)", [(f"{int(k) // 1024} KB", v) for k, v in sc["S5"].items()],
              lambda c, a: added(c, a, "p50_ms"))
    if "S6" in sc:
        table(f"S6 soak at {sc['S6']['rate']}/s for {sc['S6']['minutes']} min: RSS MiB idle / steady / peak / "
              "after idle, growth MiB/min", [("soak", sc["S6"])],
              lambda c, a: "—" if a not in c["arms"] else
              " / ".join(_f(c["arms"][a][k], 1) for k in ("rss_idle_mib", "rss_steady_mib", "rss_peak_mib",
                                                          "rss_recovered_mib"))
              + f", {_f(c['arms'][a]['growth_mib_per_min'], 2)}")
    if "S7" in sc:
        table("S7 connection churn (hey -disable-keepalive): req/s, fds before→after",
              [("c=4", sc["S7"])],
              lambda c, a: f"{_f(_get(c, 'arms', a, 'rate'), 0)}, {_get(c, 'arms', a, 'fds_before')}→"
                           f"{_get(c, 'arms', a, 'fds_after')}")
    if "S8" in sc:
        table("S8 cold start: ms to the first proxied 200 (median of 3)", [("start", sc["S8"])],
              lambda c, a: _f(_get(c, "arms", a, "ms_to_first_200"), 0))
    s9 = sc.get("S9")
    if s9 and "missing" in s9:
        lines += [f"**S9 GUI busy**: missing ({s9['missing']})", ""]
    elif s9:
        lines += ["**S9 GUI busy (wrk, L=0, interleaved rounds): req/s mean (rounds), p99 ms, CPU µs/req**", "",
                  "| cell | O headless | O window | Xvfb CPU µs/req |", "|---|---|---|---|"]
        for k, c in s9.items():
            h, g = c["headless"], c["arms"]["O"]

            def fig(v):
                return (f"{_f(v['rate'], 0)} ({', '.join(_f(r, 0) for r in v['round_rates'])}), "
                        f"{_f(v['p99_ms'])}, {_f(v['cpu_us_per_request'], 0)}")
            lines.append(f"| {k} | {fig(h)} | {fig(g)} | {_f(g.get('xvfb_cpu_us_per_request'), 0)} |")
        lines.append("")
    lines += ["**Targets (ratios measured in this run)**", "",
              "| goal | measured | target | verdict | note |", "|---|---|---|---|---|"]
    for r in result["ratios"]:
        lines.append(f"| {r['goal']} | {_f(r['value'], 2)} | {r['target']} | {r['verdict']} | {r['note']} |")
    lines.append("")
    for a in arms:
        probs = _problems(sc, a)
        lines.append(f"Correctness {a}: " + ("all replies checked, all correct" if not probs
                                             else "PROBLEMS: " + "; ".join(probs[:6])))
    return "\n".join(lines)
