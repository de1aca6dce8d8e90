#!/usr/bin/env bash
# Debian's Chromium for the admin's end-to-end tests (apps/admin, driven by playwright-core), with CJK fonts so the
# screenshots show Chinese text rather than empty boxes.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "cjk"; then
  apt-get update
  apt-get install -y --no-install-recommends chromium fonts-noto-cjk
fi
chromium --version
