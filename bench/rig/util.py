# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
"""Small helpers shared by the rig: ports, processes, percentiles, logging."""
import json
import os
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOAD_CPU = "0"   # load generator and mock
GATEWAY_CPU = "1"  # the gateway under test


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pinned(cpu, argv):
    """argv run under taskset when there are at least two CPUs."""
    if (os.cpu_count() or 1) >= 2 and shutil_which("taskset"):
        return ["taskset", "-c", cpu] + list(argv)
    return list(argv)


def shutil_which(name):
    import shutil
    return shutil.which(name)


def percentile(values, p):
    if not values:
        return None
    v = sorted(values)
    k = min(len(v) - 1, max(0, int(round(p / 100.0 * (len(v) - 1)))))
    return v[k]


def wait_http_ok(port, path="/health", timeout=15.0, method="GET", body=None, headers=None):
    """Polls until the server answers 200; returns seconds waited or None."""
    import http.client
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            r.read()
            c.close()
            if r.status == 200:
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.005)
    return None


def proc_cpu_times(pid):
    """(utime, stime) of a process (all threads) in seconds, from procfs; None if gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        tick = os.sysconf("SC_CLK_TCK")
        return int(fields[11]) / tick, int(fields[12]) / tick
    except OSError:
        return None


def proc_cpu_seconds(pid):
    """utime+stime of a process (all threads) in seconds, from procfs."""
    times = proc_cpu_times(pid)
    return sum(times) if times else None


def proc_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def proc_fd_count(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


def stop_process(proc, timeout=10):
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def write_json(path, data):
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
