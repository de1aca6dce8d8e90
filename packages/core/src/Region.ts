/**
 * Administrative regions (GB/T 2260 codes) as a tree: national → municipal → district/county.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Text } from "./Locale.js"

/**
 * A 6-digit administrative division code (行政区划代码), e.g. 500151 for 铜梁区.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RegionCode = Schema.String.pipe(
  Schema.pattern(/^\d{6}$/, {
    message: () =>
      "行政区划代码应为6位数字（GB/T 2260），如 500151 / a region code is 6 digits (GB/T 2260), e.g. 500151",
  }),
  Schema.annotations({ identifier: "RegionCode", examples: ["500000", "500151"] }),
)

/**
 * @since 0.1.0
 * @category models
 */
export type RegionCode = typeof RegionCode.Type

/**
 * The level of a region in the administrative ladder.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Level = Schema.Literal("national", "province", "municipal", "prefecture", "district", "county")

/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * A region: code, Chinese name, English name, level and parent code.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Region = Schema.Struct({
  code: RegionCode,
  name: Schema.NonEmptyTrimmedString,
  nameEn: Schema.optional(Schema.String),
  level: Level,
  parent: Schema.optional(RegionCode),
}).annotations({ identifier: "Region" })

/**
 * @since 0.1.0
 * @category models
 */
export type Region = typeof Region.Type

/** The code of the whole country, root of every tree. @since 0.1.0 @category constants */
export const NATIONAL: RegionCode = "100000"

/** 重庆市, the municipality directly under the central government. @since 0.1.0 @category constants */
export const CHONGQING: RegionCode = "500000"

/** 铜梁区, a district of Chongqing (seed 000). @since 0.1.0 @category constants */
export const TONGLIANG: RegionCode = "500151"

/** 石柱土家族自治县, a county of Chongqing (seed 001). @since 0.1.0 @category constants */
export const SHIZHU: RegionCode = "500240"

/**
 * The regions the source plans name, ready to build a tree from: the country, 重庆市, 铜梁区 and 石柱土家族自治县.
 *
 * @since 0.1.0
 * @category constants
 */
export const WELL_KNOWN: ReadonlyArray<Region> = [
  { code: NATIONAL, name: "全国", nameEn: "China", level: "national" },
  { code: CHONGQING, name: "重庆市", nameEn: "Chongqing", level: "municipal", parent: NATIONAL },
  { code: TONGLIANG, name: "铜梁区", nameEn: "Tongliang District", level: "district", parent: CHONGQING },
  {
    code: SHIZHU,
    name: "石柱土家族自治县",
    nameEn: "Shizhu Tujia Autonomous County",
    level: "county",
    parent: CHONGQING,
  },
]

/**
 * A region with the regions directly below it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Node {
  readonly region: Region
  readonly children: ReadonlyArray<Node>
}

const byCode = (regions: ReadonlyArray<Region>): ReadonlyMap<RegionCode, Region> => {
  const map = new Map<RegionCode, Region>()
  // The first declaration wins; duplicates are reported by `validate`.
  for (const r of regions) if (!map.has(r.code)) map.set(r.code, r)
  return map
}

/**
 * The regions as a forest: roots are regions without a parent or whose parent is not in the list. Regions caught
 * in a parent cycle hang from no root and are left out (`validate` reports them).
 *
 * @example
 * Region.tree(Region.WELL_KNOWN)[0]?.children[0]?.region.name // "重庆市"
 *
 * @since 0.1.0
 * @category combinators
 */
export const tree = (regions: ReadonlyArray<Region>): ReadonlyArray<Node> => {
  const known = byCode(regions)
  const build = (region: Region): Node => ({
    region,
    children: children(regions, region.code).map(build),
  })
  return [...known.values()].filter((r) => r.parent === undefined || !known.has(r.parent)).map(build)
}

/**
 * The regions whose parent is `code`, in list order.
 *
 * @since 0.1.0
 * @category combinators
 */
export const children = (regions: ReadonlyArray<Region>, code: RegionCode): ReadonlyArray<Region> =>
  [...byCode(regions).values()].filter((r) => r.parent === code && r.code !== code)

/**
 * The chain of parents of `code`, nearest first, ending at a root. Stops (without repeating) if the chain loops.
 *
 * @example
 * Region.ancestors(Region.WELL_KNOWN, "500151").map((r) => r.code) // ["500000", "100000"]
 *
 * @since 0.1.0
 * @category combinators
 */
export const ancestors = (regions: ReadonlyArray<Region>, code: RegionCode): ReadonlyArray<Region> => {
  const known = byCode(regions)
  const out: Array<Region> = []
  const seen = new Set<RegionCode>([code])
  let parent = known.get(code)?.parent
  while (parent !== undefined && !seen.has(parent)) {
    const region = known.get(parent)
    if (region === undefined) break
    out.push(region)
    seen.add(parent)
    parent = region.parent
  }
  return out
}

/**
 * Every region below `code`, breadth first (children, then grandchildren...).
 *
 * @since 0.1.0
 * @category combinators
 */
export const descendants = (regions: ReadonlyArray<Region>, code: RegionCode): ReadonlyArray<Region> => {
  const out: Array<Region> = []
  const seen = new Set<RegionCode>([code])
  let frontier: ReadonlyArray<RegionCode> = [code]
  while (frontier.length > 0) {
    const next: Array<RegionCode> = []
    for (const c of frontier)
      for (const child of children(regions, c))
        if (!seen.has(child.code)) {
          seen.add(child.code)
          out.push(child)
          next.push(child.code)
        }
    frontier = next
  }
  return out
}

/**
 * Whether `code` lies within `ancestorCode` in the declared tree. A code is within itself.
 *
 * @example
 * Region.isWithin(Region.WELL_KNOWN, "500240", "500000") // true
 * Region.isWithin(Region.WELL_KNOWN, "500000", "500151") // false
 *
 * @since 0.1.0
 * @category predicates
 */
export const isWithin = (regions: ReadonlyArray<Region>, code: RegionCode, ancestorCode: RegionCode): boolean =>
  code === ancestorCode || ancestors(regions, code).some((r) => r.code === ancestorCode)

/**
 * Whether `code` lies within `ancestorCode` by the structure of GB/T 2260 codes alone, for when no region list is at
 * hand: `XX0000` holds every `XX....`, `XXXX00` every `XXXX..`, and the national root holds every code. A code is
 * within itself. Prefer {@link isWithin} where the regions are declared: Chongqing's districts (5001..) and
 * counties (5002..) sit directly under 500000 though their codes carry a prefecture-level middle pair.
 *
 * @example
 * Region.isWithinByCode("500151", "500000") // true
 *
 * @since 0.1.0
 * @category predicates
 */
export const isWithinByCode = (code: RegionCode, ancestorCode: RegionCode): boolean => {
  if (code === ancestorCode || ancestorCode === NATIONAL) return true
  if (ancestorCode.endsWith("0000")) return code.startsWith(ancestorCode.slice(0, 2))
  if (ancestorCode.endsWith("00")) return code.startsWith(ancestorCode.slice(0, 4))
  return false
}

/**
 * A problem in a list of regions: a code declared twice, a parent that is not declared, or a parent chain that loops.
 * `message` is a sentence in Chinese and English naming the codes.
 *
 * @since 0.1.0
 * @category models
 */
export type Issue =
  | { readonly _tag: "DuplicateCode"; readonly code: RegionCode; readonly message: Text }
  | { readonly _tag: "UnknownParent"; readonly code: RegionCode; readonly parent: RegionCode; readonly message: Text }
  | { readonly _tag: "Cycle"; readonly codes: ReadonlyArray<RegionCode>; readonly message: Text }

/**
 * Checks a list of regions: duplicate codes, parents not in the list (the national root may be left implicit),
 * and parent cycles (each cycle reported once, from its smallest code). Returns an empty list when the tree is sound.
 *
 * @example
 * Region.validate([{ code: "500151", name: "铜梁区", level: "district", parent: "500000" }])
 * // [{ _tag: "UnknownParent", code: "500151", parent: "500000", message: { zh: "…", en: "…" } }]
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (regions: ReadonlyArray<Region>): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  const seen = new Set<RegionCode>()
  for (const r of regions) {
    if (seen.has(r.code))
      issues.push({
        _tag: "DuplicateCode",
        code: r.code,
        message: { zh: `行政区划代码 ${r.code} 重复声明`, en: `region code ${r.code} is declared more than once` },
      })
    seen.add(r.code)
  }
  const known = byCode(regions)
  for (const r of known.values())
    if (r.parent !== undefined && r.parent !== NATIONAL && !known.has(r.parent))
      issues.push({
        _tag: "UnknownParent",
        code: r.code,
        parent: r.parent,
        message: {
          zh: `${r.name}（${r.code}）的上级 ${r.parent} 未声明`,
          en: `the parent ${r.parent} of ${r.code} (${r.name}) is not declared`,
        },
      })
  const reported = new Set<RegionCode>()
  for (const start of known.values()) {
    const path: Array<RegionCode> = []
    let at: Region | undefined = start
    while (at !== undefined && !path.includes(at.code) && !reported.has(at.code)) {
      path.push(at.code)
      at = at.parent === undefined ? undefined : known.get(at.parent)
    }
    if (at === undefined || reported.has(at.code)) continue
    const loop = path.slice(path.indexOf(at.code))
    const first = loop.indexOf([...loop].sort()[0]!)
    const codes = [...loop.slice(first), ...loop.slice(0, first)]
    for (const c of codes) reported.add(c)
    issues.push({
      _tag: "Cycle",
      codes,
      message: {
        zh: `行政区划上级关系成环：${[...codes, codes[0]].join(" → ")}`,
        en: `region parents form a cycle: ${[...codes, codes[0]].join(" → ")}`,
      },
    })
  }
  return issues
}
