#!/usr/bin/env bash
# `pnpm test`: every test — lint, typecheck, unit + integration (Vitest), bundle budget, e2e (Playwright).
# The Vitest suites run twice: on this machine's Node (20, the oldest the README promises) and on
# Node 24 LTS (fetched by npx), each with its own JSON report.
# Ends with one summary line "tests: N passed, N failed" over every Vitest and Playwright report.
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
export TEST_REPORT_DIR="$PWD/.test-results"
rm -rf "$TEST_REPORT_DIR" && mkdir -p "$TEST_REPORT_DIR"
status=0
step() { echo; echo "== $*"; "$@" || { echo "!! failed: $*"; status=1; }; }

step bash scripts/ensure-system-deps.sh
step pnpm exec turbo run lint typecheck --continue --output-logs=errors-only
step pnpm exec tsc -p scripts/tsconfig.json
step pnpm exec vitest run --reporter=default --reporter=json --outputFile="$TEST_REPORT_DIR/vitest.json"
# The same suites on Node 24: node_modules is Node-version neutral (no native addons), so the
# installed Vitest runs as is; child processes the tests spawn use process.execPath, i.e. Node 24 too.
step npx -y node@24 node_modules/vitest/vitest.mjs run --reporter=dot --reporter=json --outputFile="$TEST_REPORT_DIR/vitest-node24.json"
step pnpm exec turbo run build --output-logs=errors-only
if [ -f apps/web/.size-limit.json ]; then step pnpm --filter web size; fi
step pnpm --filter e2e test
node scripts/summarise-tests.mjs "$TEST_REPORT_DIR" || status=1
exit $status
