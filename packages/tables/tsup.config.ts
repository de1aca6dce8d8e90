import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // Declarations come from tsc (scripts/emit-types.mjs), like the other packages.
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
})
