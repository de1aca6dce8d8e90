// The repo's lint setting plus Svelte files (eslint-plugin-svelte parses <script lang="ts"> with typescript-eslint).
import svelte from "eslint-plugin-svelte"
import globals from "globals"
import tseslint from "typescript-eslint"
import base from "../../eslint.config.js"

export default tseslint.config(
  ...base,
  ...svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: [".svelte"] } },
  },
  { ignores: ["dist/**", "screenshots/**"] },
)
