import { cp, mkdir, mkdtemp, symlink } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { afterEach, describe, expect, it } from "@effect/vitest"
import { Citation } from "@srdi/core"
import { packFixture } from "../src/testing.js"

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
// Excerpts copied line for line from shared/: seed 000 lines 21–29 and reference/national-criteria.md lines 25–27.
const sources = fixture("sources")
// The URL a test file inside a pack folder's test/ would pass.
const testFileIn = (packDir: string) => pathToFileURL(join(packDir, "test", "clauses.test.ts")).href

const SEED = "000_d71d90c544c9bbc9.txt"
const REFERENCE = "reference/national-criteria.md"
const cite = (source: string, text: string): Citation.Citation => ({ source, clause: "一", text })

describe("packFixture: folders", () => {
  const saved = process.env["SRDI_SOURCES"]
  afterEach(() => {
    if (saved === undefined) delete process.env["SRDI_SOURCES"]
    else process.env["SRDI_SOURCES"] = saved
  })

  it("takes the pack folder above the test file's folder", () => {
    const kit = packFixture(testFileIn(fixture("valid")), { sources })
    expect(kit.packDir).toBe(fixture("valid"))
    expect(kit.sourcesDir).toBe(sources)
    expect(kit.haveSources).toBe(true)
  })

  it("reads the sources folder from SRDI_SOURCES, else from shared/ four levels above the pack", () => {
    process.env["SRDI_SOURCES"] = sources
    expect(packFixture(testFileIn(fixture("valid"))).sourcesDir).toBe(sources)
    delete process.env["SRDI_SOURCES"]
    expect(packFixture(testFileIn("/repo/packages/packs/cq-x")).sourcesDir).toBe("/shared")
    expect(packFixture(testFileIn("/repo/packages/packs/cq-x")).haveSources).toBe(false)
    // An option wins over the environment.
    process.env["SRDI_SOURCES"] = "/nowhere"
    expect(packFixture(testFileIn(fixture("valid")), { sources }).sourcesDir).toBe(sources)
  })

  it("has sources when either seeds/ or reference/ is there", () => {
    expect(packFixture(testFileIn(fixture("valid")), { sources: fixture("valid") }).haveSources).toBe(false)
    expect(packFixture(testFileIn(fixture("valid")), { sources: fixture("sources/seeds/..") }).haveSources).toBe(true)
  })
})

describe("packFixture: loading", () => {
  const kit = packFixture(testFileIn(fixture("valid")), { sources })

  it("loads the pack's own layer by default, or another folder", async () => {
    expect((await kit.load()).meta.id).toBe("cq-tongliang-2022")
    expect((await kit.load(fixture("extends-base"))).meta.id).toBe("fixture-chongqing")
  })

  it("throws the decode error's file:line lines", async () => {
    await expect(kit.load(fixture("malformed-yaml"))).rejects.toThrow(
      "pack/units.yaml:7:3 (root) — YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    )
    await expect(kit.loadResolved(fixture("extends-district"))).rejects.toThrow(
      "pack/pack.yaml:14:11 meta.extends[0] — cannot find package @srdi/pack-fixture-chongqing",
    )
  })

  it("loads the extends chain and finds an installed base pack from the pack folder", async () => {
    const root = await mkdtemp(join(tmpdir(), "pack-kit-testing-"))
    const district = join(root, "district")
    await cp(fixture("extends-district"), district, { recursive: true })
    await mkdir(join(district, "node_modules", "@srdi"), { recursive: true })
    await symlink(fixture("extends-base"), join(district, "node_modules", "@srdi", "pack-fixture-chongqing"), "dir")
    const own = packFixture(testFileIn(district), { sources })
    const { pack, layers } = await own.loadResolved()
    expect(layers.map((l) => l.meta.id)).toEqual(["fixture-chongqing", "cq-tongliang-2022"])
    expect(pack.regions.map((r) => r.code)).toEqual(["500000", "500151"])
    expect(own.installedPackDir("fixture-chongqing")).toBe(fixture("extends-base"))
    expect(() => own.installedPackDir("cq-nowhere")).toThrow(
      `cannot find package @srdi/pack-cq-nowhere from ${district} (add it to dependencies or devDependencies in package.json)`,
    )
  })
})

describe("packFixture: sources and citations", () => {
  const kit = packFixture(testFileIn(fixture("valid")), { sources })

  it("reads a seed by file name and the reference by its path", () => {
    expect(kit.sourceText(SEED).split("\n")[6]).toMatch(/^1\.建立“专精特新”企业培育库，每年优选不少于50家种子企业/)
    expect(kit.sourceText(REFERENCE)).toMatch(/^Class I IP \(Ⅰ类知识产权\)/)
  })

  it("names the missing file and SRDI_SOURCES in both languages", () => {
    expect(() => kit.sourceText("003_2e9c9c1acd6c6705.txt")).toThrow(
      `找不到引用的来源文件 003_2e9c9c1acd6c6705.txt（${join(sources, "seeds", "003_2e9c9c1acd6c6705.txt")}）`,
    )
    expect(() => kit.sourceText("003_2e9c9c1acd6c6705.txt")).toThrow("set SRDI_SOURCES to the folder")
  })

  it("finds every citation of the pack with its path (Citation.collect)", async () => {
    const pack = await kit.load()
    const found = kit.citations(pack)
    expect(found).toEqual(Citation.collect(pack))
    expect(found.map((c) => c.at)).toEqual([
      "pack.targets[0].cite",
      "pack.tasks[0].cite",
      "pack.tasks[1].cite",
      "pack.rules[0].cite",
      "pack.rules[0].root.cite",
      "pack.rules[0].root.threshold[0].cite",
    ])
  })

  it("checks quotes against the source: the target's sentence is verbatim, the shortened task clauses are not", async () => {
    const pack = await kit.load()
    const bySource = kit.citations(pack).filter(({ cite }) => cite.source === SEED)
    expect(bySource.map(({ at, cite }) => [at, kit.isVerbatim(cite)])).toEqual([
      ["pack.targets[0].cite", true],
      ["pack.tasks[0].cite", false],
      ["pack.tasks[1].cite", false],
    ])
  })

  it("reads a line break in the reference as a space, and nothing else as equal", () => {
    expect(kit.isVerbatim(cite(REFERENCE, "first-grade protected traditional Chinese medicines"))).toBe(true)
    expect(kit.isVerbatim(cite(REFERENCE, " first-grade protected\n\ttraditional  Chinese medicines"))).toBe(true)
    expect(kit.isVerbatim(cite(REFERENCE, "first-grade protectedtraditional Chinese medicines"))).toBe(false)
    expect(kit.isVerbatim(cite(SEED, "力争全区创新型中小企业达到500家"))).toBe(true)
    expect(kit.isVerbatim(cite(SEED, "力争全区创新型中小企业达到600家"))).toBe(false)
  })
})
