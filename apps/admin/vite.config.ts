import { svelte } from "@sveltejs/vite-plugin-svelte"
import { defineConfig } from "vite"

// `pnpm dev` proxies /api/* to a local API (SRDI_API_URL, default the API's own default port) so cookies stay
// same-origin; the built app is served by the API itself and calls it without a prefix.
const api = process.env.SRDI_API_URL ?? "http://127.0.0.1:8787"

export default defineConfig({
  plugins: [svelte()],
  build: { outDir: "dist", target: "es2022", sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    port: Number(process.env.PORT ?? 5173),
    proxy: { "/api": { target: api, changeOrigin: true, rewrite: (p) => p.replace(/^\/api/, "") } },
  },
})
