#!/usr/bin/env bash
# `pnpm start`: build the API and what it depends on (core, the packs; the admin app when it exists), then start
# the API on an embedded PGlite database with demo data. Settings: docs/api/configuration.md.
set -euo pipefail
cd "$(dirname "$0")/.."

filters=(--filter=@srdi/api...)
if [ -f apps/admin/package.json ]; then filters+=(--filter=@srdi/admin...); fi

echo "== building ${filters[*]}"
pnpm turbo run build "${filters[@]}" --output-logs=errors-only

export SRDI_DATA_DIR="${SRDI_DATA_DIR:-$PWD/.data/pglite}"
# A larger young generation: the server allocates a response's worth of short-lived objects per request, and at
# thousands of requests a second the default (16 MB) promotes them into the old generation (docs/api/performance.md).
exec node --max-semi-space-size=64 apps/api/dist/server.js
