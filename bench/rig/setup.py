# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
"""Everything the rig needs before measuring: Debian packages, the Release server, the C++ mock
and probe, Portkey in a scratch directory, and a description of the environment."""
import json
import os
import platform
import shutil
import subprocess

from .util import ROOT, log

PACKAGES = {"nginx": "nginx-light", "wrk": "wrk", "hey": "hey", "h2load": "nghttp2-client",
            "valgrind": "valgrind", "callgrind_annotate": "valgrind", "Xvfb": "xvfb", "xauth": "xauth",
            "xwininfo": "x11-utils"}
PORTKEY_VERSION = "1.15.2"
HONO_NODE_SERVER = "1.13.5"


def ensure_packages(tools):
    missing = sorted({PACKAGES[t] for t in tools if shutil.which(t) is None})
    if not missing:
        return
    log(f"installing {' '.join(missing)} with apt-get")
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(prefix + ["apt-get", "install", "-y", "-q"] + missing, env=env,
                   stdout=subprocess.DEVNULL, check=False)


def _stale(target, sources):
    if not os.path.exists(target):
        return True
    t = os.path.getmtime(target)
    return any(os.path.getmtime(s) > t for s in sources)


def build_tools(out_dir):
    """Compiles bench/mockupstream and bench/probe (plain C++, no Qt) with g++ -O2."""
    os.makedirs(out_dir, exist_ok=True)
    b = os.path.join(ROOT, "bench")
    tools = {
        "mockupstream": ["mockupstream/mockupstream.cpp", "mockupstream/mockreplies.cpp",
                         "mockupstream/mockreplies.h"],
        "probe": ["probe/probe.cpp", "probe/httpclient.cpp", "probe/httpclient.h"],
    }
    paths = {}
    for name, files in tools.items():
        srcs = [os.path.join(b, f) for f in files]
        exe = os.path.join(out_dir, name)
        if _stale(exe, srcs):
            log(f"compiling {name}")
            cxx = os.environ.get("CXX", "g++")
            subprocess.run([cxx, "-O2", "-std=c++20", "-Wall", "-Wextra", "-pthread", "-I", ROOT,
                            "-o", exe] + [s for s in srcs if s.endswith(".cpp")], check=True)
        paths[name] = exe
    return paths


def build_server(build_dir, build_type="Release", targets=("switchyard-server",), gui=False):
    exe = os.path.join(build_dir, "app", "switchyard-server")
    args = ["cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja", f"-DCMAKE_BUILD_TYPE={build_type}",
            f"-DSWITCHYARD_BUILD_GUI={'ON' if gui else 'OFF'}", "-DSWITCHYARD_BUILD_TESTS=OFF"]
    if shutil.which("ccache"):
        args.append("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")
    log(f"building {' '.join(targets)} ({build_type}) in {build_dir}")
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build_dir, "--target", *targets,
                    f"-j{os.cpu_count() or 2}"], check=True, stdout=subprocess.DEVNULL)
    return exe


def gui_binaries(gui, server, server_given, gui_build_dir):
    """(switchyard, headless reference) for S9. --gui FILE: as is, with the switchyard-server next
    to it (same build) or else O's. --server FILE: the switchyard next to it, if any. Otherwise both
    are built in Release with the GUI on, so that only the window differs. (None, …): S9 missing."""
    if gui:
        gui = os.path.abspath(gui)
        sibling = os.path.join(os.path.dirname(gui), "switchyard-server")
        return gui, sibling if os.path.exists(sibling) else server
    if server_given:
        sibling = os.path.join(os.path.dirname(server), "switchyard")
        return (sibling if os.path.exists(sibling) else None), server
    try:
        exe = build_server(gui_build_dir, targets=("switchyard", "switchyard-server"), gui=True)
    except (subprocess.CalledProcessError, OSError) as e:
        log(f"S9: could not build the GUI ({e.__class__.__name__}); S9 will be reported missing")
        return None, server
    return os.path.join(os.path.dirname(exe), "switchyard"), exe


def install_portkey(scratch):
    """npm install of Portkey outside the repo; returns the start script or None (P missing)."""
    start = os.path.join(scratch, "node_modules", "@portkey-ai", "gateway", "build", "start-server.js")
    if os.path.exists(start):
        return start
    if shutil.which("npm") is None or shutil.which("node") is None:
        log("P missing: node/npm not installed")
        return None
    os.makedirs(scratch, exist_ok=True)
    with open(os.path.join(scratch, "package.json"), "w") as f:
        json.dump({"name": "switchyard-bench-portkey", "private": True,
                   "dependencies": {"@portkey-ai/gateway": PORTKEY_VERSION},
                   "overrides": {"@hono/node-server": HONO_NODE_SERVER}}, f)
    log(f"npm install @portkey-ai/gateway@{PORTKEY_VERSION} into {scratch}")
    try:
        subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=scratch, timeout=300,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    except (subprocess.SubprocessError, OSError) as e:
        log(f"P missing: npm install failed ({e.__class__.__name__})")
        return None
    return start if os.path.exists(start) else None


def _run(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def _cache_value(build_dir, key):
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt")) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def source_state():
    """The tree's commit and whether it had uncommitted changes; taken when the binaries are
    built, so a long run (S6) that outlives a commit still names what it measured."""
    return {"git_sha": _run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]),
            "git_dirty": bool(_run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]))}


def environment(build_dir, server, portkey_start, source):
    cpu = None
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), None)
    except OSError:
        pass
    build_type = _cache_value(build_dir, "CMAKE_BUILD_TYPE") if build_dir else None
    flags = None
    if build_type:
        flags = " ".join(filter(None, [_cache_value(build_dir, "CMAKE_CXX_FLAGS"),
                                       _cache_value(build_dir, f"CMAKE_CXX_FLAGS_{build_type.upper()}")]))
    portkey_version = None
    if portkey_start:
        pkg = os.path.join(os.path.dirname(os.path.dirname(portkey_start)), "package.json")
        try:
            with open(pkg) as f:
                portkey_version = json.load(f).get("version")
        except OSError:
            pass
    qt = _run(["dpkg-query", "-W", "-f=${Version}", "qt6-base-dev"]) or _run(["qtpaths6", "--qt-version"])
    return {
        "cpu": cpu, "cpus": os.cpu_count(), "kernel": platform.release(),
        "qt": qt, "compiler": (_run([os.environ.get("CXX", "g++"), "--version"]) or "").splitlines()[0:1],
        "build_type": build_type, "cxx_flags": flags, "server": server,
        **source,
        "node": _run(["node", "--version"]), "portkey": portkey_version,
        "nginx": (subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
                  if shutil.which("nginx") else None),
        "wrk": (_run(["wrk", "--version"]) or "").splitlines()[0:1] if shutil.which("wrk") else None,
        "python": platform.python_version(),
    }
