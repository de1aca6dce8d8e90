#!/usr/bin/env bash
# The whole test suite, as the README's second command and CI run it:
# build, typecheck, lint, format, every package's tests (core, packs, CLI, API on PGlite and PostgreSQL, admin e2e in Chromium,
# docs snippets, examples). The docs site is built (dead links fail it) by the build step.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium drives the admin's end-to-end tests. CI installs it; elsewhere we install it when we can (root with
# apt) and otherwise say that the browser tests were skipped.
if [ "${CI:-}" = "true" ]; then
  bash scripts/install-chromium.sh
  export SRDI_E2E=1
elif command -v chromium >/dev/null 2>&1; then
  export SRDI_E2E=1
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  bash scripts/install-chromium.sh && export SRDI_E2E=1
else
  echo "note: chromium not found and cannot be installed here: the admin's browser tests are skipped"
fi

echo "== build"
pnpm turbo run build
echo "== typecheck"
pnpm turbo run typecheck
echo "== lint"
pnpm turbo run lint
echo "== format (prettier --check; \`pnpm format\` fixes it)"
pnpm format:check --log-level warn
# A change to a published package needs a changeset. CHANGESET_BASE is the branch a change is proposed against
# (origin/main by default; on main itself there is nothing to compare).
base="${CHANGESET_BASE:-origin/main}"
if git rev-parse --verify -q "$base" >/dev/null; then
  echo "== changesets (against $base)"
  node scripts/check-changesets.mjs --base "$base"
fi
echo "== test"
log="$(mktemp)"
pnpm turbo run test --concurrency=1 2>&1 | tee "$log"
node scripts/tally-tests.mjs "$log"
rm -f "$log"
