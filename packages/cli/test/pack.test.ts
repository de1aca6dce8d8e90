import { cp, readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { PACKS, scratch, srdi } from "./helpers.js"

describe("srdi pack", () => {
  it("validates the bundled packs", async () => {
    for (const id of ["cq-tongliang-2022", "cq-shizhu-2022", "cn-miit-tiers", "cq-hardtech-2023"]) {
      const { code, out } = await srdi("--lang", "en", "pack", "validate", id)
      expect(code, out).toBe(0)
      expect(out).toContain(`✓ ${id}@`)
    }
  })

  it("reports a broken pack as file:line path — reason and exits 1", async () => {
    const dir = join(scratch(), "broken")
    await cp(join(PACKS, "cq-tongliang-2022", "pack"), join(dir, "pack"), { recursive: true })
    await cp(join(PACKS, "cq-tongliang-2022", "package.json"), join(dir, "package.json"))
    const tasks = join(dir, "pack", "tasks.yaml")
    const text = await readFile(tasks, "utf8")
    const broken = text.replace("lead: [tl-kjj]", "lead: [tl-nobody]")
    expect(broken).not.toBe(text)
    await writeFile(tasks, broken)
    const { code, out } = await srdi("--lang", "en", "pack", "validate", dir, "--json")
    expect(code).toBe(1)
    const result = JSON.parse(out)
    const problem = result.problems.find((p: { message: { en: string } }) => p.message.en.includes("tl-nobody"))
    expect(problem).toBeDefined()
    expect(problem.file).toBe("pack/tasks.yaml")
    expect(problem.line).toBeGreaterThan(1)
    expect(problem.path).toMatch(/^tasks\[\d+\]\.lead\[0\]$/)
  })

  it("runs a pack's test cases", async () => {
    const { code, out } = await srdi("--lang", "en", "pack", "test", "cn-miit-tiers")
    expect(code).toBe(0)
    expect(out).toMatch(/(\d+) case\(s\), \1 passed, 0 failed/)
  })

  it("inspects a pack: metadata, counts and the responsibility matrix", async () => {
    const { code, out } = await srdi("pack", "inspect", "cq-tongliang-2022", "--json")
    expect(code).toBe(0)
    const data = JSON.parse(out)
    expect(data.counts.tasks).toBe(10)
    expect(data.counts.safeguards).toBe(4)
    expect(data.layers).toEqual(["cn-miit-tiers@0.1.0", "cq-srdi-2022@0.1.0", "cq-tongliang-2022@0.1.0"])
    const text = (await srdi("pack", "inspect", "cq-tongliang-2022")).out
    expect(text).toContain("责任矩阵")
    expect(text).toContain("区经济信息委")
  })

  it("diffs two districts' plans: targets and tasks that differ", async () => {
    const { code, out } = await srdi("--lang", "en", "pack", "diff", "cq-tongliang-2022", "cq-shizhu-2022", "--json")
    expect(code).toBe(0)
    const diff = JSON.parse(out)
    const values = diff.targets.map((t: { before: { value: number }; after: { value: number } }) => [
      t.before.value,
      t.after.value,
    ])
    expect(values).toEqual(
      expect.arrayContaining([
        [500, 300],
        [150, 30],
        [15, 5],
      ]),
    )
    const text = (await srdi("--lang", "en", "pack", "diff", "cq-tongliang-2022", "cq-shizhu-2022")).out
    expect(text.length).toBeGreaterThan(200)
  })

  it("scaffolds a pack for a new district that validates at once", async () => {
    const dir = join(scratch(), "cq-example-2025")
    const made = await srdi(
      "--lang",
      "en",
      "pack",
      "new",
      "cq-example-2025",
      "--extends",
      "cq-srdi-2022",
      "--region",
      "500199",
      "--region-name",
      "示例区（虚构）",
      "--dir",
      dir,
    )
    expect(made.code, made.err).toBe(0)
    const validated = await srdi("--lang", "en", "pack", "validate", dir)
    expect(validated.code, validated.out).toBe(0)
    const again = await srdi(
      "--lang",
      "en",
      "pack",
      "new",
      "cq-example-2025",
      "--extends",
      "cq-srdi-2022",
      "--region",
      "500199",
      "--region-name",
      "x",
      "--dir",
      dir,
    )
    expect(again.code).toBe(2)
    expect(again.err).toContain("already exists")
  })
})
