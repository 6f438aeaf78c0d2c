# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
"""Load generators (probe, wrk, hey) run against one arm, with correctness checks of every
distinct reply against the mock's own reply."""
import json
import os
import re
import subprocess
import tempfile

from .util import LOAD_CPU, percentile, pinned

URL_PATH = "/v1/chat/completions"


def request_body(profile, size, stream):
    msg = {"model": f"bench-{profile}", "messages": [{"role": "user", "content": ""}]}
    if stream:
        msg["stream"] = True
        msg["stream_options"] = {"include_usage": True}
    pad = max(0, size - len(json.dumps(msg, separators=(",", ":"))))
    msg["messages"][0]["content"] = ("lorem ipsum " * (pad // 12 + 1))[:pad]
    return json.dumps(msg, separators=(",", ":"))


def sse_events(text):
    events = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith("data:"):
            payload = line[5:].strip()
            events.append(payload if payload == "[DONE]" else json.loads(payload))
    return events


def same_reply(reference, got, stream):
    """(ok, reason): JSON-equal body, or the same SSE events in order with usage and [DONE]."""
    try:
        if not stream:
            return (json.loads(got) == json.loads(reference), "body differs from the mock's")
        ev, ref = sse_events(got), sse_events(reference)
        if not ev or ev[-1] != "[DONE]":
            return False, "stream does not end with data: [DONE]"
        if not any(isinstance(e, dict) and e.get("usage") for e in ev):
            return False, "stream has no usage chunk"
        if len(ev) != len(ref):
            return False, f"{len(ev)} events instead of {len(ref)}"
        return (ev == ref, "chunks differ from the mock's or are out of order")
    except (ValueError, TypeError) as e:
        return False, f"unparsable reply ({e.__class__.__name__})"


class Runner:
    def __init__(self, tools, workdir):
        self.tools = tools
        self.workdir = workdir
        self.references = {}

    def _body_file(self, profile, size, stream):
        path = os.path.join(self.workdir, f"body-{profile}-{size}-{int(stream)}.json")
        if not os.path.exists(path):
            with open(path, "w") as f:
                f.write(request_body(profile, size, stream))
        return path

    def reference(self, mock, profile, stream):
        key = (profile, stream)
        if key not in self.references:
            r = self._probe(mock.ports[profile], [], self._body_file(profile, 200, stream),
                            stream, 1, 1, 0, True, 0)
            with open(r["bodies"][0]["file"]) as f:
                self.references[key] = f.read()
        return self.references[key]

    def _probe(self, port, headers, body_file, stream, requests, conc, warmup, keepalive, stall_ms, rate=0,
               wait=True, deadline=0):
        d = tempfile.mkdtemp(dir=self.workdir, prefix="probe-")
        out = os.path.join(d, "result.json")
        argv = [self.tools["probe"], "--port", str(port), "--path", URL_PATH, "--body-file", body_file,
                "--requests", str(requests), "--concurrency", str(conc), "--warmup", str(warmup),
                "--out", out, "--dump-dir", d, "--stall-ms", str(stall_ms), "--timeout-ms", "30000"]
        for h in headers:
            argv += ["--header", h]
        if stream:
            argv.append("--stream")
        if not keepalive:
            argv.append("--no-keepalive")
        if rate:
            argv += ["--rate", str(rate)]
        if deadline:
            argv += ["--deadline-s", str(deadline)]
        proc = subprocess.Popen(pinned(LOAD_CPU, argv))

        def finish():
            proc.wait()
            with open(out) as f:
                return json.load(f)
        return finish() if wait else finish

    def probe(self, arm, mock, profile, size, stream=False, requests=200, conc=1, warmup=10,
              keepalive=True, stall_ms=0, rate=0):
        """Runs the probe against an arm; adds 'correct' / 'problems' / 'sent'."""
        return self.probe_async(arm, mock, profile, size, stream, requests, conc, warmup, keepalive,
                                stall_ms, rate)()

    def probe_async(self, arm, mock, profile, size, stream=False, requests=200, conc=1, warmup=10,
                    keepalive=True, stall_ms=0, rate=0, deadline=0):
        """Starts the probe; returns a function that waits for it and returns the checked result."""
        ref = self.reference(mock, profile, stream)
        port, headers = arm.target(profile)
        finish = self._probe(port, headers, self._body_file(profile, size, stream), stream, requests, conc,
                             warmup, keepalive, stall_ms, rate, wait=False, deadline=deadline)
        return lambda: self._check(finish(), ref, stream, requests, warmup, conc)

    def _check(self, r, ref, stream, requests, warmup, conc):
        problems = list(r.get("error_samples", []))
        if r["errors"]:
            problems.insert(0, f"{r['errors']} failed requests")
        for b in r["bodies"]:
            if not b["file"]:
                problems.append(f"{b['count']} replies in more than 8 distinct shapes")
                continue
            with open(b["file"]) as f:
                ok, why = same_reply(ref, f.read(), stream)
            if not ok:
                problems.append(f"{b['count']} replies: {why}")
        r["correct"] = not problems
        r["problems"] = problems
        r["sent"] = r.get("sent", (requests + warmup) * conc)  # a deadline may end the run early
        return r

    def wrk(self, arm, profile, conc, seconds, size=200):
        port, headers = arm.target(profile)
        body = self._body_file(profile, size, False)
        script = os.path.join(self.workdir, f"wrk-{arm.name}-{profile}-{size}.lua")
        with open(script, "w") as f:
            f.write('wrk.method = "POST"\n')
            f.write(f'local fh = io.open("{body}", "rb"); wrk.body = fh:read("*a"); fh:close()\n')
            f.write('wrk.headers["Content-Type"] = "application/json"\n')
            for h in headers:
                k, v = h.split(": ", 1)
                f.write(f'wrk.headers["{k}"] = "{v}"\n')
        out = subprocess.run(pinned(LOAD_CPU, ["wrk", "-t1", f"-c{conc}", f"-d{seconds}s", "--latency",
                                               "-s", script, f"http://127.0.0.1:{port}{URL_PATH}"]),
                             capture_output=True, text=True).stdout
        os.unlink(script)  # holds the Portkey dummy key header
        return parse_wrk(out)

    def hey(self, arm, profile, requests, conc):
        port, headers = arm.target(profile)
        argv = ["hey", "-n", str(requests), "-c", str(conc), "-disable-keepalive", "-m", "POST",
                "-T", "application/json", "-D", self._body_file(profile, 200, False)]
        for h in headers:
            argv += ["-H", h.replace(": ", ":", 1)]
        out = subprocess.run(pinned(LOAD_CPU, argv + [f"http://127.0.0.1:{port}{URL_PATH}"]),
                             capture_output=True, text=True).stdout
        m = re.search(r"Requests/sec:\s+([\d.]+)", out)
        ok = re.search(r"\[200\]\s+(\d+) responses", out)
        return {"rate": float(m.group(1)) if m else None, "ok": int(ok.group(1)) if ok else 0,
                "requests": requests}


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(out):
    r = {"rate": None, "requests": 0, "non2xx": 0, "socket_errors": 0, "p50_ms": None, "p99_ms": None}
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if m:
        r["rate"] = float(m.group(1))
    m = re.search(r"(\d+) requests in", out)
    if m:
        r["requests"] = int(m.group(1))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        r["non2xx"] = int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        r["socket_errors"] = sum(int(x) for x in m.groups())
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if m:
            r[key] = _ms(m.group(1), m.group(2))
    return r


def summary_us(values):
    return {"n": len(values), "p50_ms": _pct_ms(values, 50), "p90_ms": _pct_ms(values, 90),
            "p99_ms": _pct_ms(values, 99), "max_ms": _pct_ms(values, 100)}


def _pct_ms(values, p):
    v = percentile(values, p)
    return None if v is None else v / 1000.0
