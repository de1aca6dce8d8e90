import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import { DecodeError, Pack, PackSource, Unit } from "../src/index.js"
import { tongliangFiles } from "./fixtures/tongliang-files.js"

const load = (files: ReadonlyArray<PackSource.File> = tongliangFiles): Pack.Pack => {
  const result = PackSource.parse(files)
  if (Either.isLeft(result)) throw new Error(DecodeError.format(result.left, "en"))
  return result.right
}

const tongliang = load()
const codes = (problems: ReadonlyArray<Pack.Problem>) => problems.map((p) => `${p.code} ${p.path}`)

// The municipal layer the district extends: Chongqing's region and the hard-tech plan's issuing unit (seed 003).
const chongqing: Pack.Pack = {
  ...tongliang,
  meta: {
    ...tongliang.meta,
    id: "cq-srdi-2022",
    title: "重庆市推进“专精特新”企业高质量发展专项行动计划（2022—2025年）",
    region: "500000",
    period: { from: "2022-01-01", to: "2025-12-31" },
  },
  regions: [{ code: "500000", name: "重庆市", level: "municipal" }],
  units: [{ id: "cq-jxw", name: "市经济信息委", region: "500000" }],
  targets: [],
  tasks: [],
  tests: [],
}

describe("Pack.validate", () => {
  it("accepts the fixture pack", () => {
    expect(Pack.validate(tongliang)).toEqual([])
  })

  it("finds unknown units, tasks without lead, duplicate ids and task numbers", () => {
    const [t1, t2] = tongliang.tasks as [Pack.Pack["tasks"][number], Pack.Pack["tasks"][number]]
    const pack: Pack.Pack = {
      ...tongliang,
      tasks: [t1, { ...t2, lead: [], cooperating: ["tl-jxw", "tl-zstzj"] }, { ...t2, number: "1" }],
      units: [...tongliang.units, tongliang.units[0]!],
    }
    expect(codes(Pack.validate(pack))).toEqual([
      "duplicate_id units[3].id",
      "duplicate_id tasks[2].id",
      "duplicate_task_number tasks[2].number",
      "task_without_lead tasks[1].lead",
      "unknown_unit tasks[1].cooperating[1]",
    ])
    const unknown = Pack.validate(pack).find((p) => p.code === "unknown_unit")!
    expect(unknown.message).toEqual({
      zh: "未知单位 tl-zstzj（须在 units 中声明）",
      en: "unknown unit tl-zstzj (declare it in units)",
    })
  })

  it("allows a task without lead where the source names no units", () => {
    const pack: Pack.Pack = { ...tongliang, tasks: [{ ...tongliang.tasks[0]!, lead: [], unitsGiven: false }] }
    expect(Pack.validate(pack)).toEqual([])
  })

  it("resolves regions and units through the base packs", () => {
    const district: Pack.Pack = {
      ...tongliang,
      meta: { ...tongliang.meta, extends: ["cq-srdi-2022"] },
      regions: tongliang.regions.filter((r) => r.code !== "500000"),
      awards: [],
    }
    expect(codes(Pack.validate(district))).toEqual([])
    const pool: Pack.Pack["pools"][number] = {
      id: "tl-cultivation-pool",
      name: { zh: "“专精特新”企业培育库", en: "SRDI cultivation pool" },
      region: "500000",
      entryRule: "tl-pool-entry",
      cite: tongliang.tasks[0]!.cite,
    }
    const withPool = { ...district, regions: [], pools: [pool] }
    expect(codes(Pack.validate(withPool))).toEqual([
      "unknown_region meta.region",
      "unknown_region units[0].region",
      "unknown_region units[1].region",
      "unknown_region units[2].region",
      "unknown_region targets[0].region",
      "unknown_region pools[0].region",
      "unknown_rule pools[0].entryRule",
    ])
    expect(codes(Pack.validate(withPool, { base: [chongqing] }))).toEqual([
      "unknown_region meta.region",
      "unknown_region units[0].region",
      "unknown_region units[1].region",
      "unknown_region units[2].region",
      "unknown_region targets[0].region",
      "unknown_rule pools[0].entryRule",
    ])
  })

  it("finds parameters out of order, duplicate node ids and overlapping rules", () => {
    const rule = tongliang.rules[0]!
    const root = rule.root as Extract<Pack.Pack["rules"][number]["root"], { kind: "compare" }>
    const cite = rule.cite
    const reordered: Pack.Pack["rules"][number] = {
      ...rule,
      root: {
        kind: "all",
        id: "hardtech",
        cite,
        of: [
          {
            ...root,
            threshold: [
              { from: "2024-01-01", value: 5, cite },
              { from: "2023-11-24", value: 5, cite },
            ],
          },
          { ...root },
        ],
      },
    }
    const overlapping = {
      ...rule,
      id: "hardtech-rd-intensity-2024",
      decides: "hardtech_pool",
      effective: { from: "2024-01-01" },
    }
    const pack: Pack.Pack = { ...tongliang, rules: [reordered, { ...rule, decides: "hardtech_pool" }, overlapping] }
    expect(codes(Pack.validate(pack))).toEqual([
      "duplicate_id rules[1].id",
      "parameter_order rules[0].root.of[0].threshold[1]",
      "duplicate_node_id rules[0].root.of[1].id",
      "overlapping_rules rules[2].effective",
    ])
  })

  it("checks the period, rollsUpTo and test cases", () => {
    const pack: Pack.Pack = {
      ...tongliang,
      meta: { ...tongliang.meta, period: { from: "2025-12-31", to: "2022-10-25" } },
      targets: [{ ...tongliang.targets[0]!, rollsUpTo: "cq-srdi-2022:cq-srdi-sme-2025" }],
      tests: [
        { ...tongliang.tests[0]!, rule: "no-such-rule", expect: { awards: [{ award: "tl-first-srdi", amount: 10 }] } },
      ],
    }
    expect(codes(Pack.validate(pack))).toEqual([
      "period_reversed meta.period",
      "unknown_target targets[0].rollsUpTo",
      "unknown_rule tests[0].rule",
      "unknown_award tests[0].expect.awards[0].award",
    ])
    const cqTarget = { ...tongliang.targets[0]!, id: "cq-srdi-sme-2025", region: "500000", value: 2000 }
    const base = { ...chongqing, targets: [cqTarget] }
    expect(codes(Pack.validate({ ...pack, meta: tongliang.meta, tests: [] }, { base: [base] }))).toEqual([])
  })
})

describe("Pack.resolve", () => {
  it("merges layers by id, the later layer winning in place, and records origins", () => {
    const district: Pack.Pack = {
      ...tongliang,
      meta: { ...tongliang.meta, extends: ["cq-srdi-2022"] },
      regions: [{ code: "500000", name: "重庆市", nameEn: "Chongqing", level: "municipal" }, tongliang.regions[1]!],
    }
    const resolved = Pack.resolve([chongqing, district])
    expect(resolved.meta.id).toBe("cq-tongliang-2022")
    expect(resolved.regions.map((r) => [r.code, r.nameEn])).toEqual([
      ["500000", "Chongqing"],
      ["500151", "Tongliang"],
    ])
    expect(resolved.units.map((u) => u.id)).toEqual(["cq-jxw", "tl-jxw", "tl-kjj", "tl-jw"])
    expect(resolved.rules).toHaveLength(1)
    expect(resolved.tests).toBe(district.tests)
    const origin = Pack.origin([chongqing, district])
    expect(origin.units).toEqual({
      "cq-jxw": "cq-srdi-2022",
      "tl-jxw": "cq-tongliang-2022",
      "tl-kjj": "cq-tongliang-2022",
      "tl-jw": "cq-tongliang-2022",
    })
    expect(origin.rules["hardtech-rd-intensity"]).toBe("cq-tongliang-2022")
    expect(origin.regions["500000"]).toBe("cq-tongliang-2022")
  })

  it("resolves three layers: a district inherits the national criteria through its city plan", () => {
    // district → city → national, as cq-tongliang-2022 → cq-srdi-2022 → cn-miit-tiers: only the bottom layer has
    // rules, and the district's own test cases name them.
    const national: Pack.Pack = {
      ...chongqing,
      meta: {
        ...chongqing.meta,
        id: "cn-miit-tiers",
        region: "100000",
        period: { from: "2022-01-01", to: "2099-12-31" },
      },
      regions: [{ code: "100000", name: "中华人民共和国", level: "national" }],
      units: [{ id: "cn-miit", name: "工业和信息化部", region: "100000" }],
      awards: [],
      pools: [],
      gaps: [],
    }
    const city: Pack.Pack = {
      ...chongqing,
      meta: { ...chongqing.meta, extends: ["cn-miit-tiers"] },
      regions: [{ code: "500000", name: "重庆市", level: "municipal", parent: "100000" }],
      rules: [],
    }
    const district: Pack.Pack = { ...tongliang, meta: { ...tongliang.meta, extends: ["cq-srdi-2022"] }, rules: [] }
    expect(district.tests.map((t) => t.rule)).toContain("hardtech-rd-intensity")

    // Validated against the city alone, the district's cases name a rule nobody declares; with the chain they do.
    expect(codes(Pack.validate(district, { base: [city] }))).toEqual([
      "unknown_rule tests[0].rule",
      "unknown_rule tests[1].rule",
    ])
    expect(Pack.validate(district, { base: [national, city] })).toEqual([])

    const layers = [national, city, district]
    const resolved = Pack.resolve(layers)
    expect(resolved.meta).toBe(district.meta)
    expect(resolved.regions.map((r) => r.code)).toEqual(["100000", "500000", "500151"])
    expect(resolved.units.map((u) => u.id)).toEqual(["cn-miit", "cq-jxw", "tl-jxw", "tl-kjj", "tl-jw"])
    expect(resolved.rules.map((r) => r.id)).toEqual(["hardtech-rd-intensity"])
    const origin = Pack.origin(layers)
    expect(origin.rules["hardtech-rd-intensity"]).toBe("cn-miit-tiers")
    expect(origin.units["cq-jxw"]).toBe("cq-srdi-2022")
    expect(origin.regions["500151"]).toBe("cq-tongliang-2022")
    // The district's cases run against the rule two layers down.
    expect(Pack.runTests(resolved).map((r) => r.ok)).toEqual(district.tests.map(() => true))
  })
})

describe("Pack.diff", () => {
  it("reads out a changed threshold and target value between versions", () => {
    const rule = tongliang.rules[0]!
    const root = rule.root as Extract<Pack.Pack["rules"][number]["root"], { kind: "compare" }>
    const next: Pack.Pack = {
      ...tongliang,
      meta: { ...tongliang.meta, version: "0.2.0" },
      rules: [
        {
          ...rule,
          root: { ...root, threshold: [...root.threshold, { from: "2026-04-01", value: 6, cite: rule.cite }] },
        },
      ],
      targets: [{ ...tongliang.targets[0]!, value: 160 }],
      units: tongliang.units.slice(0, 2),
    }
    const diff = Pack.diff(tongliang, next)
    expect(diff.meta).toEqual([{ path: "version", before: "0.1.0", after: "0.2.0" }])
    expect(diff.thresholds).toEqual([
      {
        rule: "hardtech-rd-intensity",
        node: "rd-intensity",
        parameter: "threshold",
        date: "2026-04-01",
        before: 5,
        after: 6,
      },
    ])
    expect(diff.targets).toEqual([
      {
        target: "tl-srdi-sme-2025",
        metric: "enterprises.srdi_sme",
        basis: "level",
        before: { value: 150, comparator: ">=", deadline: "2025-12-31", region: "500151" },
        after: { value: 160, comparator: ">=", deadline: "2025-12-31", region: "500151" },
      },
    ])
    expect(diff.collections.units).toEqual({ added: [], removed: ["tl-jw"], changed: [] })
    expect(Pack.formatDiff(diff, "en").split("\n")).toEqual([
      "cq-tongliang-2022@0.1.0 → cq-tongliang-2022@0.2.0",
      "meta",
      "  version: 0.1.0 → 0.2.0",
      "units: +0 −1 ~0",
      "  − tl-jw",
      "targets: +0 −0 ~1",
      "  ~ tl-srdi-sme-2025",
      "      value: 150 → 160",
      "rules: +0 −0 ~1",
      "  ~ hardtech-rd-intensity",
      '      root.threshold[1]: — → {"from":"2026-04-01","value":6,"cite":{"source":"003_2e9c9c1acd6c6705.txt","c...',
      "thresholds changed",
      "  hardtech-rd-intensity / rd-intensity threshold from 2026-04-01: 5 → 6",
      "target values changed",
      "  tl-srdi-sme-2025 (enterprises.srdi_sme, level): >=150 by 2025-12-31 @500151 → >=160 by 2025-12-31 @500151",
    ])
  })

  it("pairs two districts' targets by metric and basis, and their tasks by number", () => {
    // Shizhu (seed 001, 一): 到2025年，全县…市级专精特新中小企业达到30家 — binding, not 力争.
    const shizhu: Pack.Pack = {
      ...tongliang,
      meta: { ...tongliang.meta, id: "cq-shizhu-2022", region: "500240", status: "draft" },
      targets: [
        {
          ...tongliang.targets[0]!,
          id: "sz-srdi-sme-2025",
          value: 30,
          aspirational: false,
          region: "500240",
          cite: {
            source: "001_323b9f65a3484da2.txt",
            clause: "一",
            text: "到2025年，全县创新型中小企业达到300家，市级专精特新中小企业达到30家，国家专精特新“小巨人”企业达到5家。",
          },
        },
      ],
      tasks: tongliang.tasks.map((t) => ({ ...t, id: t.id.replace("tl-", "sz-") })),
      // Seed 001 prints 县科技局 where seed 000 prints 区科技局.
      units: [{ id: "sz-kjj", name: "县科技局", region: "500240" }],
    }
    const diff = Pack.diff(tongliang, shizhu)
    expect(diff.collections.targets.added).toEqual([])
    expect(diff.collections.targets.changed[0]).toMatchObject({
      id: "sz-srdi-sme-2025",
      was: "tl-srdi-sme-2025",
      matchedBy: "metric",
    })
    expect(diff.targets[0]?.before.value).toBe(150)
    expect(diff.targets[0]?.after).toEqual({ value: 30, comparator: ">=", deadline: "2025-12-31", region: "500240" })
    expect(diff.collections.tasks.changed.map((c) => [c.was, c.id, c.matchedBy])).toEqual([
      ["tl-task-1", "sz-task-1", "number"],
      ["tl-task-2", "sz-task-2", "number"],
    ])
    expect(diff.collections.units).toMatchObject({ added: [], removed: ["tl-jxw", "tl-jw"] })
    expect(diff.collections.units.changed.map((c) => [c.was, c.id, c.matchedBy])).toEqual([
      ["tl-kjj", "sz-kjj", "name"],
    ])
    expect(Pack.formatDiff(diff, "zh")).toContain("~ sz-srdi-sme-2025（按指标与口径对应 tl-srdi-sme-2025）")
    expect(Schema.is(Pack.Diff)(diff)).toBe(true)
  })

  it("reports no differences for the same pack", () => {
    expect(Pack.formatDiff(Pack.diff(tongliang, tongliang), "zh")).toBe(
      "cq-tongliang-2022@0.1.0 → cq-tongliang-2022@0.1.0\n无差异",
    )
  })
})

describe("Pack.hash", () => {
  it("is a sha256 of the content, independent of key order and of test cases", () => {
    const h = Pack.hash(tongliang)
    expect(h).toMatch(/^sha256:[0-9a-f]{64}$/)
    const reordered = load(
      tongliangFiles.map((f) =>
        f.path === "pack/pack.yaml"
          ? {
              ...f,
              text: f.text
                .replace("status: final\n", "")
                .replace("version: 0.1.0\n", "version: 0.1.0\nstatus: final\n"),
            }
          : f,
      ),
    )
    expect(Pack.hash(reordered)).toBe(h)
    expect(Pack.hash({ ...tongliang, tests: [] })).toBe(h)
    expect(Pack.hash({ ...tongliang, targets: [{ ...tongliang.targets[0]!, value: 151 }] })).not.toBe(h)
  })
})

describe("Pack.runTests", () => {
  it("runs each case against its rule as of its date", () => {
    // 二（一）4: 研发投入强度不低于5%. 300/5000 = 6% passes; 200/5000 = 4% fails.
    const results = Pack.runTests(tongliang)
    expect(results.map((r) => [r.name, r.ok, r.rule, r.actual])).toEqual([
      ["R&D intensity 4% fails 二（一）4", true, "hardtech-rd-intensity", { verdict: "ineligible" }],
      ["R&D intensity 6% passes 二（一）4", true, "hardtech-rd-intensity", { verdict: "eligible" }],
    ])
  })

  it("says what differs when a case fails, and finds the rule by what it decides on the case's date", () => {
    const rule = { ...tongliang.rules[0]!, decides: "hardtech_pool" }
    const before = { ...rule, id: "before", effective: { from: "2020-01-01", until: "2023-11-23" } }
    const wrong = { ...tongliang.tests[0]!, rule: "hardtech_pool", expect: { verdict: "eligible" as const, score: 60 } }
    const [result] = Pack.runTests({ ...tongliang, rules: [before, rule], tests: [wrong] })
    expect(result?.ok).toBe(false)
    expect(result?.rule).toBe("hardtech-rd-intensity")
    expect(result?.message.en).toMatch(
      /^verdict: expected eligible, got ineligible \(.+\); score: expected 60, got none$/,
    )
  })

  it("reports a case whose rule cannot be found", () => {
    const [result] = Pack.runTests({ ...tongliang, rules: [], tests: [tongliang.tests[0]!] })
    expect(result).toMatchObject({
      ok: false,
      message: { en: "no rule with id or decides hardtech-rd-intensity in force on 2024-06-30" },
    })
  })

  it("compares award lines from the pack's awards", () => {
    // 渝财规〔2022〕10号 (reference): listing on the Chongqing Equity Exchange with completed share reform: 50万元.
    const cite = {
      source: "reference/national-criteria.md",
      clause: "Chongqing listing award (city level), 渝财规〔2022〕10号",
      text: "Listing on the Chongqing Equity Exchange (重庆股份转让中心) with completed share reform: 50万元.",
    }
    const award: Pack.Pack["awards"][number] = {
      id: "cq-listing-staged",
      name: { zh: "重庆市企业上市分阶段奖励", en: "Chongqing staged listing award" },
      trigger: { kind: "listing_stage", stages: ["otc_cq"] },
      amount: { kind: "staged", stages: [{ stage: "otc_cq", value: [{ from: "2022-01-01", value: 50, cite }] }] },
      stacking: { mode: "cumulative" },
      cite,
    }
    const enterprise = {
      ...tongliang.tests[0]!.enterprise,
      listing: [{ stage: "otc_cq" as const, reachedOn: "2023-05-10" }],
    }
    const cases: Pack.Pack["tests"] = [
      {
        name: "OTC listing earns 50万元",
        asOf: "2023-12-31",
        enterprise,
        expect: { awards: [{ award: "cq-listing-staged", amount: 50, status: "due" }] },
      },
      {
        name: "wrong amount",
        asOf: "2023-12-31",
        enterprise,
        expect: { awards: [{ award: "cq-listing-staged", amount: 100 }] },
      },
      { name: "not yet listed", asOf: "2023-05-09", enterprise, expect: { awards: [] } },
    ]
    const results = Pack.runTests({ ...tongliang, awards: [award], tests: cases })
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
    expect(results[1]?.message.en).toBe("awards: expected cq-listing-staged=100, got cq-listing-staged=50:due")
  })
})

describe("Pack properties", () => {
  const units = fc.array(Arbitrary.make(Unit.Unit), { maxLength: 8 })

  it("resolve keeps one item per id, the last layer's, and origin names that layer", () => {
    fc.assert(
      fc.property(units, units, (base, own) => {
        const layers = [
          { ...chongqing, units: base },
          { ...tongliang, units: own },
        ]
        const resolved = Pack.resolve(layers)
        const origin = Pack.origin(layers)
        const ids = new Set([...base, ...own].map((u) => u.id))
        expect(resolved.units.map((u) => u.id).sort()).toEqual([...ids].sort())
        for (const unit of resolved.units) {
          const last =
            [...own].reverse().find((u) => u.id === unit.id) ?? [...base].reverse().find((u) => u.id === unit.id)
          expect(unit).toBe(last)
          expect(origin.units[unit.id]).toBe(own.some((u) => u.id === unit.id) ? "cq-tongliang-2022" : "cq-srdi-2022")
        }
      }),
      { numRuns: 50 },
    )
  })

  it("a pack differs from itself in nothing, and its hash changes with its units", () => {
    fc.assert(
      fc.property(units, (us) => {
        const pack = { ...tongliang, units: us }
        const diff = Pack.diff(pack, pack)
        expect(
          Object.values(diff.collections).every((c) => c.added.length + c.removed.length + c.changed.length === 0),
        ).toBe(true)
        expect(Pack.hash(pack) === Pack.hash(tongliang)).toBe(JSON.stringify(us) === JSON.stringify(tongliang.units))
      }),
      { numRuns: 50 },
    )
  })
})
