import { cleanup } from "@testing-library/svelte"
import { afterEach } from "vitest"
import { setupI18n } from "../src/lib/i18n/index.js"

setupI18n("zh")
afterEach(() => cleanup())
