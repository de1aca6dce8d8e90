#!/usr/bin/env bash
# The whole test suite, as the README's second command and CI run it: build, typecheck, lint, test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
pnpm turbo run build
echo "== typecheck"
pnpm turbo run typecheck
echo "== lint"
pnpm turbo run lint
echo "== test"
pnpm turbo run test --concurrency=1
