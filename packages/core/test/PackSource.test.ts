import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { DecodeError as DE, PackSource } from "../src/index.js"
import { tongliangFiles } from "./fixtures/tongliang-files.js"

const withFile = (path: string, text: string) => [...tongliangFiles.filter((f) => f.path !== path), { path, text }]

const issuesOf = (files: ReadonlyArray<PackSource.File>) => {
  const result = PackSource.read(files)
  if (Either.isRight(result)) throw new Error("expected a decode error")
  return result.left
}

describe("PackSource.read", () => {
  it("decodes a pack's files into one pack", () => {
    const result = PackSource.parse(tongliangFiles)
    expect(Either.isRight(result)).toBe(true)
    if (Either.isLeft(result)) return
    const pack = result.right
    expect(pack.meta.docNumber).toBeUndefined()
    expect(pack.meta.period).toEqual({ from: "2022-10-25", to: "2025-12-31" })
    // Dates stay strings under the YAML 1.2 core schema.
    expect(pack.targets[0]?.deadline).toBe("2025-12-31")
    expect(pack.tasks.map((t) => t.lead)).toEqual([["tl-jxw", "tl-kjj"], ["tl-kjj"]])
    expect(pack.tasks[1]?.cooperating).toEqual(["tl-jxw", "tl-jw"])
    // Files are read in path order: tests/rd-intensity-fail.yaml before tests/rd-intensity-pass.yaml.
    expect(pack.tests.map((t) => t.name)).toEqual([
      "R&D intensity 4% fails 二（一）4",
      "R&D intensity 6% passes 二（一）4",
    ])
  })

  it("locates pack paths at their file, line and column", () => {
    const source = PackSource.read(tongliangFiles)
    if (Either.isLeft(source)) throw new Error(DE.format(source.left, "en"))
    expect(source.right.locate("tasks[1].lead[0]")).toEqual({ file: "pack/tasks.yaml", line: 18, column: 10 })
    expect(source.right.locate(["meta", "period", "to"])).toEqual({ file: "pack/pack.yaml", line: 9, column: 3 })
    // tests come from two files; the second file's first case is tests[1].
    expect(source.right.locate("tests[1].asOf")).toEqual({ file: "tests/rd-intensity-pass.yaml", line: 4, column: 3 })
  })

  it("reports a YAML syntax error with file, line and column", () => {
    const error = issuesOf(withFile("pack/units.yaml", "- id: tl-jxw\n  name: 区经济信息委\n  region: [500151\n"))
    expect(error.subject).toBe("pack cq-tongliang-2022")
    expect(error.issues[0]).toMatchObject({ file: "pack/units.yaml", line: 4 })
    expect(error.issues[0]?.message.en).toMatch(/^YAML syntax error/)
  })

  it("rejects duplicate keys", () => {
    const error = issuesOf(
      withFile("pack/units.yaml", '- id: tl-jxw\n  name: 区经济信息委\n  name: 区科技局\n  region: "500151"\n'),
    )
    expect(error.issues).toHaveLength(1)
    expect(error.issues[0]).toMatchObject({ file: "pack/units.yaml", line: 3, column: 3 })
    expect(error.issues[0]?.message.zh).toContain("键重复")
  })

  it("reports every problem of every file at once, each at its line and path", () => {
    const units = tongliangFiles
      .find((f) => f.path === "pack/units.yaml")!
      .text.replace('  region: "500151"\n', '  regoin: "500151"\n')
    const tasks = tongliangFiles
      .find((f) => f.path === "pack/tasks.yaml")!
      .text.replace("- id: tl-task-2\n  kind: task", "- id: tl-task-2\n  kind: measure")
    const error = issuesOf(
      withFile("pack/tasks.yaml", tasks)
        .filter((f) => f.path !== "pack/units.yaml")
        .concat({ path: "pack/units.yaml", text: units }),
    )
    const lines = error.issues.map((i) => `${i.file}:${i.line} ${i.at}`)
    // A missing field is placed at its item; an unknown field at its own key.
    expect(lines).toEqual([
      "pack/tasks.yaml:14 tasks[1].kind",
      "pack/units.yaml:4 units[0].regoin",
      "pack/units.yaml:2 units[0].region",
    ])
    expect(error.issues[0]?.message).toEqual({
      zh: '应为 "task" 或 "safeguard"，实际为 "measure"',
      en: 'Expected "task" | "safeguard", actual "measure"',
    })
    expect(error.issues.find((i) => i.at === "units[0].regoin")?.message).toEqual({
      zh: "未知字段（不在模式中）",
      en: "is not a known field",
    })
  })

  it("reports a threshold without an effective date at the value's line", () => {
    const rules = tongliangFiles
      .find((f) => f.path === "pack/rules.yaml")!
      .text.replace('      - from: "2023-11-24"\n        value: 5', "      - value: 5")
    const error = issuesOf(withFile("pack/rules.yaml", rules))
    expect(error.issues.map((i) => `${i.file}:${i.line} ${i.at} ${i.message.en}`)).toContain(
      "pack/rules.yaml:16 rules[0].root.threshold[0].from is missing",
    )
  })

  it("names a missing pack.yaml and an unknown file", () => {
    const error = issuesOf([
      ...tongliangFiles.filter((f) => f.path !== "pack/pack.yaml"),
      { path: "pack/task.yaml", text: "[]" },
    ])
    expect(error.issues.map((i) => `${i.file} ${i.at}`)).toEqual(["pack/task.yaml (root)", "pack/pack.yaml meta"])
  })

  it("places validation problems at file:line", () => {
    const tasks = tongliangFiles
      .find((f) => f.path === "pack/tasks.yaml")!
      .text.replace("lead: [tl-kjj]", "lead: [tl-xxx]")
    const source = PackSource.read(withFile("pack/tasks.yaml", tasks))
    if (Either.isLeft(source)) throw new Error(DE.format(source.left, "en"))
    const result = PackSource.validate(source.right)
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isRight(result)) return
    expect(result.left).toBeInstanceOf(DE.DecodeError)
    expect(DE.format(result.left, "en").split("\n")).toEqual([
      "pack cq-tongliang-2022: 1 problem(s)",
      "  pack/tasks.yaml:18:10 tasks[1].lead[0] — unknown unit tl-xxx (declare it in units)",
    ])
  })

  it("splits written paths", () => {
    expect(PackSource.parsePath("tasks[3].lead[0]")).toEqual(["tasks", 3, "lead", 0])
    expect(PackSource.parsePath("meta.period")).toEqual(["meta", "period"])
  })
})
