import path from "node:path"
import { Pack } from "@srdi/core"
import { packFixture } from "@srdi/pack-kit/testing"
import { beforeAll, describe, expect, it } from "vitest"

const { load, packDir } = packFixture(import.meta.url)

// Two districts' plans descend from the same city plan: the diff pairs their targets by metric and basis and their
// clauses by kind and number, so a reader sees where Shizhu's draft departs from Tongliang's plan.
describe("Pack.diff(Tongliang, Shizhu)", () => {
  let diff: Pack.Diff
  beforeAll(async () => {
    const tongliang = await load(packDir)
    const shizhu = await load(path.resolve(packDir, "../cq-shizhu-2022"))
    diff = Pack.diff(tongliang, shizhu)
  })

  it("compares the three shared 2025 goals: lower values, and binding instead of 力争", () => {
    expect(
      diff.targets.map((t) => [t.metric, t.basis, t.before.value, t.after.value, t.before.region, t.after.region]),
    ).toEqual([
      ["enterprises.innovative_sme", "level", 500, 300, "500151", "500240"],
      ["enterprises.srdi_sme", "level", 150, 30, "500151", "500240"],
      ["enterprises.little_giant", "level", 15, 5, "500151", "500240"],
    ])
    for (const change of diff.collections.targets.changed) {
      expect(change.matchedBy).toBe("metric")
      expect(change.changes).toContainEqual({ path: "aspirational", before: true, after: false })
    }
  })

  it("lists the targets only one of them sets", () => {
    expect(diff.collections.targets.removed).toEqual([
      "tl-2025-listings-new",
      "tl-pool-entries-annual",
      "tl-2025-platforms-district",
      "tl-2025-platforms-municipal",
      "tl-2025-digital-smart-factories",
      // Tongliang counts green factories as a level (达到10个), Shizhu as new ones (培育1个): not the same target.
      "tl-2025-green-factories",
    ])
    expect(diff.collections.targets.added).toEqual([
      "sz-rd-institutions",
      "sz-high-value-patents",
      "sz-digital-workshops",
      "sz-smart-factories",
      "sz-green-factories",
    ])
  })

  it("pairs clauses by number: Shizhu adds tasks 11–30 and drops the fourth safeguard", () => {
    const tasks = diff.collections.tasks
    expect(tasks.added).toEqual(Array.from({ length: 20 }, (_, i) => `task-${i + 11}`))
    expect(tasks.removed).toEqual(["safeguard-4"])
    const changed = Object.fromEntries(tasks.changed.map((c) => [c.id, c.changes]))
    expect(Object.keys(changed)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `task-${i + 1}`),
      "safeguard-1",
      "safeguard-2",
      "safeguard-3",
    ])
    // Tongliang's task 1 is led by 区经济信息委 and 区科技局; Shizhu's by 县科技局 alone.
    expect(changed["task-1"]).toContainEqual({ path: "lead[0]", before: "tl-jxw", after: "sz-kjj" })
    expect(changed["task-1"]).toContainEqual({ path: "lead[1]", before: "tl-kjj", after: undefined })
    // Shizhu's safeguard measures name no units.
    expect(changed["safeguard-1"]).toContainEqual({ path: "unitsGiven", before: true, after: false })
  })

  it("reports the draft status and the award differences", () => {
    expect(diff.meta).toContainEqual({ path: "status", before: "final", after: "draft" })
    expect(diff.collections.awards.removed).toContain("tl-first-srdi-sme")
    expect(diff.collections.awards.added).toContain("sz-srdi-sme-award")
    expect(Pack.formatDiff(diff, "en")).toContain("status: final → draft")
  })
})
