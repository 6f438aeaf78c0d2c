#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
#
# ctest npm_clients: installs the pinned `openai` and `@anthropic-ai/sdk` npm packages into WORK_DIR
# (inside the build tree, never the source tree), then runs clients.test.mjs with node's test runner.
#   run-npm-test.sh SOURCE_DIR WORK_DIR
#   env: MOCK_OPENAI, MOCK_ANTHROPIC, MOCK_GEMINI, SWITCHYARD_SERVER, [NODE, NPM]
# Fails (never skips) when node/npm are missing or the npm registry cannot be reached.
set -euo pipefail

src=${1:?source dir}
work=${2:?work dir}
node=${NODE:-node}
npm=${NPM:-npm}
name=npm_clients

fail() {
    echo "$name: FAILED: $*" >&2
    exit 1
}

command -v "$node" >/dev/null 2>&1 || fail "node not found (run scripts/bootstrap)"
command -v "$npm" >/dev/null 2>&1 || fail "npm not found (run scripts/bootstrap)"
major=$("$node" -p 'process.versions.node.split(".")[0]')
((major >= 18)) || fail "node $("$node" --version) is too old: need >= 18 for node --test"
for var in MOCK_OPENAI MOCK_ANTHROPIC MOCK_GEMINI; do
    target=mock-$(tr '[:upper:]' '[:lower:]' <<<"${var#MOCK_}")
    [[ -x ${!var:-} ]] || fail "$var='${!var:-}' is not an executable (build $target)"
done
[[ -x ${SWITCHYARD_SERVER:-} ]] ||
    fail "SWITCHYARD_SERVER='${SWITCHYARD_SERVER:-}' is not an executable (build switchyard-server)"

mkdir -p "$work"
# Reinstall only when the pinned dependencies changed since the last install.
if ! cmp -s "$src/package-lock.json" "$work/.installed-lock.json" ||
    [[ ! -f $work/node_modules/openai/package.json ]] ||
    [[ ! -f $work/node_modules/@anthropic-ai/sdk/package.json ]]; then
    cp "$src/package.json" "$src/package-lock.json" "$work/"
    echo "$name: npm ci in $work"
    if ! (cd "$work" && timeout 300 "$npm" ci --no-audit --no-fund --fetch-retries=1 \
            --fetch-timeout=60000 </dev/null); then
        fail "could not install the npm packages (openai, @anthropic-ai/sdk) with 'npm ci' -- is the npm registry reachable? (see npm's error above)"
    fi
    cp "$src/package-lock.json" "$work/.installed-lock.json"
fi
# The test must sit next to node_modules so that its imports resolve.
rm -f "$work/openai-client.test.mjs" # the former name of this test
cp "$src/clients.test.mjs" "$work/"
cd "$work"
version() { "$node" -p "require('./node_modules/$1/package.json').version"; }
echo "$name: node $("$node" --version), openai $(version openai), @anthropic-ai/sdk $(version @anthropic-ai/sdk)"
exec timeout 240 "$node" --test clients.test.mjs
