# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
"""The end-to-end benchmark rig of BENCHMARK.md (bench/run, bench/callgrind-guard). Stdlib only."""
