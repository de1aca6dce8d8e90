import { defineConfig } from "vite"

// One module script and no modulepreload polyfill: the page has no dynamic imports to preload, and the bundle stays
// runnable by check-bundle.ts in Node against a stand-in DOM.
export default defineConfig({
  build: { target: "es2022", modulePreload: { polyfill: false } },
})
