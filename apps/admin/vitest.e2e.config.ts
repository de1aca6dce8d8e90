import { defineConfig } from "vitest/config"

// End-to-end: Debian's Chromium (playwright-core) against the real API serving this app's build.
export default defineConfig({
  test: { include: ["e2e/**/*.e2e.test.ts"], testTimeout: 120_000, hookTimeout: 420_000, fileParallelism: false },
})
