# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
# shellcheck shell=bash
# Sourced by scripts/run and scripts/test: the one place that says how build dirs are configured.

SWITCHYARD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck disable=SC2034 # used by the scripts that source this file
SWITCHYARD_JOBS=$(nproc 2>/dev/null || echo 2)
export LANG=${LANG:-C.UTF-8}

if command -v ccache >/dev/null 2>&1; then
    # Relative paths and no cwd in the hash let build/ and build-nogui/ share cache hits.
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$SWITCHYARD_ROOT}
    export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi

# switchyard_configure BUILD_DIR GUI(ON|OFF) [extra cmake args...]
switchyard_configure() {
    local dir=$1 gui=$2
    shift 2
    local args=(-S "$SWITCHYARD_ROOT" -B "$dir" -G Ninja
        -DCMAKE_BUILD_TYPE=RelWithDebInfo
        -DSWITCHYARD_BUILD_GUI="$gui"
        -DSWITCHYARD_BUILD_TESTS=ON)
    if command -v ccache >/dev/null 2>&1; then
        args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    if [[ ${CI:-} == true ]]; then
        args+=(-DSWITCHYARD_WERROR=ON)
    else
        args+=(-DSWITCHYARD_WERROR=OFF)
    fi
    # A build dir made with another generator cannot be reconfigured with Ninja.
    if [[ -f $dir/CMakeCache.txt ]] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$dir/CMakeCache.txt"; then
        echo "$dir was configured with another generator; remove it first" >&2
        return 1
    fi
    cmake "${args[@]}" "$@"
}
