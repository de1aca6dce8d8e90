// Clause tests of the example pack: every cited sentence is in the (fictional) source verbatim, the targets roll up
// into the city's, every task names known units, and nothing pretends to be real.
import assert from "node:assert/strict"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Pack, Target, Task } from "@srdi/core"
import { loadResolved } from "@srdi/pack-kit"
import { Either } from "effect"

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const source = readFileSync(here("../source/example-district-plan.txt"), "utf8")
const loaded = await loadResolved(here(".."))
if (Either.isLeft(loaded)) throw new Error(String(loaded.left))
const { pack, layers } = loaded.right
const own = layers[layers.length - 1]!

// Labelled fictional everywhere a reader meets it.
assert.match(source, /虚构文件 FICTIONAL DOCUMENT/)
assert.match(own.meta.title, /（虚构）$/)
assert.match(own.meta.titleEn ?? "", /FICTIONAL/)
assert.equal(own.meta.status, "draft")

// Every citation of this layer quotes the source verbatim.
const cites = [...own.targets, ...own.tasks, ...own.awards, ...own.pools].map((i) => i.cite)
for (const g of own.gaps) if (g.cite !== undefined) cites.push(g.cite)
for (const c of cites) assert.ok(source.includes(c.text), `not verbatim in the source (${c.clause}): ${c.text}`)

// The three 2025 targets roll up into the city's, and with 铜梁's-size numbers they cover a sliver of it.
const city = pack.targets.find((t) => t.id === "cq-2025-srdi-sme")!
const children = own.targets.filter((t) => Target.rollsUpTo(t, city))
assert.deepEqual(
  children.map((t) => t.id),
  ["ex-2025-srdi-sme"],
)
const rolled = Target.rollUp(city, children, [], "2024-12-31")
assert.equal(rolled.childrenTarget, 40)
assert.equal(rolled.coverage, 40 / 2500)

// The responsibility matrix: 区经济信息委 leads all three clauses, no unknown unit ids.
const matrix = Task.matrix(own.tasks, own.units)
assert.deepEqual(matrix.unknownUnits, [])
assert.equal(matrix.rows.find((r) => r.unit.id === "ex-jxw")?.lead, 3)

// The award's amount is unspecified and recorded as a gap, never invented.
const award = own.awards.find((a) => a.id === "ex-first-srdi-sme")!
assert.equal(award.amount.kind, "unspecified")
assert.ok(own.gaps.some((g) => g.kind === "unspecified_amount" && g.clause === award.cite.clause))

// Valid against its base, and its YAML cases pass with the shared runner.
assert.deepEqual(Pack.validate(own, { base: layers.slice(0, -1) }), [])
assert.ok(Pack.runTests(pack).every((r) => r.ok))
console.log(`district-pack: ${cites.length} citations verbatim, roll-up and matrix checked — ok (${Pack.hash(own)})`)
