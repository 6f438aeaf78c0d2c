# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
"""The mock upstream and the four arms of BENCHMARK.md: D direct, N nginx, O ours, P Portkey.
Each arm answers target(profile) → (port, headers) for a mock profile."""
import json
import os
import sqlite3
import subprocess
import time

from .util import GATEWAY_CPU, LOAD_CPU, free_port, log, pinned, stop_process, wait_http_ok

# name → (L ms, T ms, N chunks, G ms): one mock port each.
PROFILES = {
    "l0": (0, 0, 16, 0),
    "l50": (50, 0, 16, 0),
    "s20": (0, 20, 64, 20),
    "s200": (0, 200, 16, 50),
    "s0": (0, 0, 16, 0),
}
MOCK_KEY = "sk-mock"  # dummy upstream key; never printed


class Mock:
    def __init__(self, exe, workdir):
        specs = []
        for name, (lat, first, chunks, gap) in PROFILES.items():
            specs += ["--listen", f"0,{lat},{first},{chunks},{gap}"]
        self.proc = subprocess.Popen(pinned(LOAD_CPU, [exe] + specs), stdout=subprocess.PIPE, text=True)
        self.ports = {}
        for name in PROFILES:
            line = self.proc.stdout.readline().split()
            self.ports[name] = int(line[1])
        self.pid = self.proc.pid

    def stop(self):
        stop_process(self.proc)


class Arm:
    name = "?"
    proc = None
    available = True

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def target(self, profile):
        raise NotImplementedError

    def stop(self):
        stop_process(self.proc)


class Direct(Arm):
    name = "D"

    def __init__(self, mock):
        self.mock = mock
        self.proc = mock.proc

    def target(self, profile):
        return self.mock.ports[profile], []

    def stop(self):
        pass


class Nginx(Arm):
    name = "N"

    def __init__(self, mock, workdir):
        self.ports = {p: free_port() for p in PROFILES}
        d = os.path.join(workdir, "nginx")
        os.makedirs(os.path.join(d, "logs"), exist_ok=True)
        servers = []
        for p, port in self.ports.items():
            servers.append(f"""
  upstream mock_{p} {{ server 127.0.0.1:{mock.ports[p]}; keepalive 512; }}
  server {{
    listen 127.0.0.1:{port} backlog=4096; tcp_nodelay on; keepalive_requests 1000000;
    location / {{
      proxy_pass http://mock_{p}; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_buffering off; proxy_request_buffering on; tcp_nodelay on;
    }}
  }}""")
        user = "user root root;\n" if os.geteuid() == 0 else ""
        conf = f"""{user}worker_processes 1; daemon off; pid {d}/nginx.pid; error_log {d}/logs/error.log warn;
events {{ worker_connections 8192; multi_accept on; }}
http {{
  access_log off; client_body_buffer_size 1m; client_max_body_size 4m;
  client_body_temp_path {d}/tmp; proxy_temp_path {d}/tmp;
  keepalive_timeout 120s;{''.join(servers)}
}}
"""
        self.conf = os.path.join(d, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(conf)
        self.argv = pinned(GATEWAY_CPU, ["nginx", "-p", d, "-c", self.conf])
        self.start()

    def start(self):
        self.proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if wait_http_ok(self.ports["l0"]) is None:
            raise RuntimeError("nginx did not start")

    @property
    def pid(self):
        # master_process on: the worker is the child that serves.
        try:
            with open(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children") as f:
                kids = f.read().split()
            return int(kids[0]) if kids else self.proc.pid
        except OSError:
            return self.proc.pid

    def target(self, profile):
        return self.ports[profile], []


class Ours(Arm):
    name = "O"

    def __init__(self, server, mock, workdir, subdir="switchyard"):
        self.server = server
        self.mock = mock
        self.dir = os.path.join(workdir, subdir)
        os.makedirs(self.dir, exist_ok=True)
        self.start()

    def command(self, cfg):
        return [self.server, "serve", "--config", cfg, "--data-dir", self.data]

    def environ(self):
        return None  # inherit

    def config(self, port):
        providers, models = [], []
        for p in PROFILES:
            providers.append({"id": f"mock-{p}", "kind": "openai", "api_key": MOCK_KEY,
                              "base_url": f"http://127.0.0.1:{self.mock.ports[p]}/v1"})
            models.append({"id": f"bench-{p}", "provider": f"mock-{p}", "upstream": "gpt-4o-mini",
                           "price": {"input": 0.15, "output": 0.6}})
        return {"server": {"host": "127.0.0.1", "port": port, "max_body_bytes": 4 * 1024 * 1024},
                "providers": providers, "models": models, "routes": [], "rules": [],
                "budgets": [], "guards": {}}

    def start(self, data_dir=None):
        """Starts a gateway; returns seconds from spawn to the first proxied 200."""
        self.port = free_port()
        self.data = data_dir or os.path.join(self.dir, "data")
        cfg = os.path.join(self.dir, "config.json")
        with open(cfg, "w") as f:
            json.dump(self.config(self.port), f)
        os.chmod(cfg, 0o600)
        t0 = time.monotonic()
        self.proc = subprocess.Popen(
            pinned(GATEWAY_CPU, self.command(cfg)), env=self.environ(),
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.dir, "server.log"), "ab"))
        body = json.dumps({"model": "bench-l0", "messages": [{"role": "user", "content": "hi"}]})
        waited = wait_http_ok(self.port, "/v1/chat/completions", 30, "POST", body,
                              {"content-type": "application/json"})
        if waited is None:
            stop_process(self.proc)
            raise RuntimeError(f"{os.path.basename(self.server)} did not start (see server.log in the work dir)")
        return time.monotonic() - t0

    def logged_rows(self):
        db = os.path.join(self.data, "switchyard.sqlite")
        try:
            c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            n = c.execute("SELECT COUNT(*) FROM requests").fetchone()[0]
            c.close()
            return n
        except sqlite3.Error:
            return None

    def settled_rows(self, quiet=0.2, timeout=10.0):
        """The row count once it stops changing: SQLite commits trail the responses (the
        journal holds them first) by up to one batch, 50 ms."""
        end = time.monotonic() + timeout
        n = self.logged_rows()
        while time.monotonic() < end:
            time.sleep(quiet)
            m = self.logged_rows()
            if m == n and m is not None:
                return m
            n = m
        return n

    def wait_rows(self, expected_at_least, timeout=10.0):
        end = time.monotonic() + timeout
        n = self.logged_rows()
        while (n is None or n < expected_at_least) and time.monotonic() < end:
            time.sleep(0.05)
            n = self.logged_rows()
        return n

    def target(self, profile):
        return self.port, []


class Portkey(Arm):
    name = "P"

    def __init__(self, start_script, mock, workdir):
        self.start_script = start_script
        self.mock = mock
        self.workdir = workdir
        self.start()

    def start(self):
        self.port = free_port()
        t0 = time.monotonic()
        self.proc = subprocess.Popen(
            pinned(GATEWAY_CPU, ["node", self.start_script, "--headless", f"--port={self.port}"]),
            cwd=os.path.dirname(self.start_script), stdout=subprocess.DEVNULL,
            stderr=open(os.path.join(self.workdir, "portkey.log"), "ab"))
        port, headers = self.target("l0")
        hdrs = dict(h.split(": ", 1) for h in headers)
        hdrs["content-type"] = "application/json"
        body = json.dumps({"model": "bench-l0", "messages": [{"role": "user", "content": "hi"}]})
        waited = wait_http_ok(port, "/v1/chat/completions", 60, "POST", body, hdrs)
        if waited is None:
            raise RuntimeError("Portkey did not start")
        return time.monotonic() - t0

    def target(self, profile):
        return self.port, ["x-portkey-provider: openai",
                           f"x-portkey-custom-host: http://127.0.0.1:{self.mock.ports[profile]}/v1",
                           f"authorization: Bearer {MOCK_KEY}"]


def start_arms(names, server, portkey_start, mock, workdir):
    arms, missing = {}, {}
    for n in names:
        try:
            if n == "D":
                arms[n] = Direct(mock)
            elif n == "N":
                arms[n] = Nginx(mock, workdir)
            elif n == "O":
                arms[n] = Ours(server, mock, workdir)
            elif n == "P":
                if not portkey_start:
                    missing[n] = "Portkey not installed (npm unreachable or install failed)"
                    continue
                arms[n] = Portkey(portkey_start, mock, workdir)
        except (RuntimeError, OSError) as e:
            if n == "O":
                raise
            missing[n] = str(e)
            log(f"arm {n} missing: {e}")
    return arms, missing
