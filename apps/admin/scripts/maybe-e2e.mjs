// `pnpm test` runs the end-to-end suite too when CI=true or SRDI_E2E=1 (it needs /usr/bin/chromium:
// scripts/install-chromium.sh at the repo root installs it); otherwise it says how to run it.
import { spawnSync } from "node:child_process"

const on = process.env.CI === "true" || process.env.SRDI_E2E === "1"
if (!on) {
  console.log("e2e skipped (set SRDI_E2E=1 or CI=true, or run `pnpm test:e2e`; needs /usr/bin/chromium)")
  process.exit(0)
}
const r = spawnSync("pnpm", ["run", "test:e2e"], { stdio: "inherit" })
process.exit(r.status ?? 1)
