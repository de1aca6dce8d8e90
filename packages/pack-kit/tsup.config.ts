import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts", "src/testing.ts", "src/bin.ts"],
  format: ["esm", "cjs"],
  // Declarations come from tsc (scripts/emit-types.mjs): tsup's bundled .d.ts drops schema values.
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
})
