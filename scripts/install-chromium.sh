#!/usr/bin/env bash
# Debian's Chromium for the admin's end-to-end tests (apps/admin, driven by playwright-core).
set -euo pipefail
command -v chromium >/dev/null 2>&1 || (apt-get update && apt-get install -y chromium)
chromium --version
