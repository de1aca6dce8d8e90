// Checks the built page without a browser: the bundle has no Node imports, and running it against a small stand-in
// for the DOM renders the verdict the criteria give (85 points with the form's defaults; 4.99% R&D intensity).
import assert from "node:assert/strict"
import { readFileSync, readdirSync } from "node:fs"
import { fileURLToPath, pathToFileURL } from "node:url"

const dist = fileURLToPath(new URL("dist/", import.meta.url))
const html = readFileSync(`${dist}index.html`, "utf8")
const script = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
assert.ok(script, "dist/index.html loads a module script")
const bundle = readFileSync(`${dist}${script}`, "utf8")
assert.doesNotMatch(bundle, /from\s*["']node:/, "no node: imports in the browser bundle")
assert.ok(readdirSync(`${dist}assets`).length >= 1)

// A stand-in DOM: just what src/main.ts touches.
class Element {
  textContent = ""
  dataset: Record<string, string> = {}
  children: Array<Element> = []
  replaceChildren(...nodes: Array<Element>) {
    this.children = nodes
  }
}
const inputs: Record<string, { value: string }> = {
  revenue: { value: "5000" },
  rdExpense: { value: "249.5" },
  totalAssets: { value: "5000" },
  totalLiabilities: { value: "2500" },
}
const listeners: Array<() => void> = []
const form = {
  elements: { namedItem: (n: string) => inputs[n] },
  addEventListener: (_: string, f: () => void) => listeners.push(f),
}
const verdict = new Element()
const reasons = new Element()
const nodes: Record<string, unknown> = { "#firm": form, "#verdict": verdict, "#reasons": reasons }
Object.assign(globalThis, {
  document: { querySelector: (s: string) => nodes[s], createElement: () => new Element() },
})

await import(pathToFileURL(`${dist}${script}`).href)
assert.equal(verdict.dataset["verdict"], "eligible")
assert.match(verdict.textContent, /得分85分/)
assert.match(reasons.children[0]?.textContent ?? "", /85分，达到60分的要求/)

// Typing no R&D expense re-renders: the innovation group falls to 15 points, below its minimum of 20.
inputs["rdExpense"]!.value = "0"
for (const f of listeners) f()
assert.equal(verdict.dataset["verdict"], "ineligible")
assert.match(reasons.children[0]?.textContent ?? "", /创新能力得分15分，低于20分的要求/)
console.log(`browser: ${script} (${Math.round(bundle.length / 1024)} KiB) renders eligible / 85, then ineligible — ok`)
