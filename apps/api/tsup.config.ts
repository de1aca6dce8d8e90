import { defineConfig } from "tsup"

// tsup (esbuild) only transpiles; `pnpm typecheck` checks types. Dependencies stay external.
export default defineConfig({
  entry: ["src/server.ts", "src/app.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  clean: true,
  onSuccess: "rm -rf dist/migrations && cp -r src/db/migrations dist/migrations",
})
