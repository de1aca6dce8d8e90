import { defineConfig } from "tsup"

// tsup (esbuild) only transpiles; `pnpm typecheck` checks types. Dependencies stay external.
export default defineConfig({
  // The roster worker is its own file in dist, since a worker thread starts from a file (see src/roster/off-thread.ts).
  entry: { server: "src/server.ts", app: "src/app.ts", "roster-worker": "src/roster/worker.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  clean: true,
  onSuccess: "rm -rf dist/migrations && cp -r src/db/migrations dist/migrations",
})
