import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { type Enterprise, Pool, Uscc } from "../src/index.js"

// 铜梁's cultivation pool, seed 000 二（一）1.
const pool: Pool.Pool = {
  id: "tl-cultivation-pool",
  name: { zh: "“专精特新”企业培育库", en: "SRDI enterprise cultivation pool" },
  region: "500151",
  quota: { perYear: 50, comparator: ">=" },
  cite: {
    source: "000_d71d90c544c9bbc9.txt",
    clause: "二（一）1",
    text: "建立“专精特新”企业培育库，每年优选不少于50家种子企业入库进行重点培育",
  },
}

// Synthetic test firms: valid USCCs built with the standard's check character, invented names.
const firm = (n: number, pools: Enterprise.Enterprise["pools"] = []): Enterprise.Enterprise => ({
  uscc: Uscc.fromBody(`91500151MA${String(n).padStart(7, "0")}`),
  name: `试验企业${n}`,
  region: "500151",
  financials: [],
  ip: [],
  titles: [],
  listing: [],
  pools,
  honors: [],
  attestations: [],
})

const entered = (on: string) => [{ pool: pool.id, enteredOn: on, entryReason: "年度优选种子企业" }]

describe("Pool.intake", () => {
  it("checks each year's intake against 每年不少于50家", () => {
    const firms = [
      ...Array.from({ length: 52 }, (_, i) => firm(i, entered("2023-03-01"))),
      ...Array.from({ length: 38 }, (_, i) => firm(100 + i, entered("2024-04-15"))),
      firm(200, [{ pool: "another-pool", enteredOn: "2024-04-15" }]),
    ]
    const y2023 = Pool.intake(firms, pool, 2023)
    expect(y2023).toMatchObject({ year: 2023, quota: 50, meetsQuota: true, shortfall: 0 })
    expect(y2023.entered).toHaveLength(52)
    const y2024 = Pool.intake(firms, pool, 2024)
    expect(y2024.entered).toHaveLength(38)
    expect(y2024).toMatchObject({ meetsQuota: false, shortfall: 12 })
    const { quota: _, ...noQuota } = pool
    expect(Pool.intake(firms, noQuota, 2024)).toMatchObject({ quota: null, meetsQuota: null, shortfall: 0 })
  })
})

describe("Pool entry and exit", () => {
  const a = firm(1)

  it("enters, exits and re-enters, leaving the input untouched", () => {
    const inPool = Either.getOrThrow(Pool.enter(a, pool, "2023-03-01", "2023年度优选种子企业"))
    expect(a.pools).toEqual([])
    expect(Pool.membersAt([a, inPool], pool.id, "2023-03-01")).toEqual([inPool])
    expect(Pool.membersAt([inPool], pool.id, "2023-02-28")).toEqual([])
    const out = Either.getOrThrow(Pool.exit(inPool, pool, "2024-06-30", "认定为市级专精特新中小企业"))
    expect(out.pools).toEqual([
      {
        pool: pool.id,
        enteredOn: "2023-03-01",
        entryReason: "2023年度优选种子企业",
        exitedOn: "2024-06-30",
        exitReason: "认定为市级专精特新中小企业",
      },
    ])
    expect(Pool.isMember(out, pool.id, "2024-06-29")).toBe(true)
    expect(Pool.isMember(out, pool.id, "2024-06-30")).toBe(false)
    const again = Either.getOrThrow(Pool.enter(out, pool, "2024-06-30", "动态调整重新入库"))
    expect(Pool.history(again, pool.id)).toEqual([
      { kind: "entry", on: "2023-03-01", reason: "2023年度优选种子企业" },
      { kind: "exit", on: "2024-06-30", reason: "认定为市级专精特新中小企业" },
      { kind: "entry", on: "2024-06-30", reason: "动态调整重新入库" },
    ])
  })

  it("refuses a second entry with a bilingual sentence", () => {
    const inPool = Either.getOrThrow(Pool.enter(a, pool, "2023-03-01", "优选"))
    const twice = Pool.enter(inPool, pool, "2024-01-01", "优选")
    if (Either.isRight(twice)) throw new Error("expected a refusal")
    expect(twice.left._tag).toBe("AlreadyMember")
    expect(twice.left.message).toBe(
      "试验企业1（" +
        a.uscc +
        "）已在“专精特新”企业培育库中（2023-03-01入库），不能于2024-01-01再次入库 / 试验企业1 (" +
        a.uscc +
        ") is in SRDI enterprise cultivation pool from 2023-03-01; it cannot enter again on 2024-01-01",
    )
    // Entering before a later exit would overlap the closed membership.
    const closed = Either.getOrThrow(Pool.exit(inPool, pool, "2024-06-30", "出库"))
    expect(Either.flip(Pool.enter(closed, pool, "2024-01-01", "优选")).pipe(Either.map((e) => e._tag))).toEqual(
      Either.right("AlreadyMember"),
    )
  })

  it("refuses to take out a firm that is not in, or before it entered", () => {
    const notIn = Pool.exit(a, pool, "2024-01-01", "出库")
    expect(Either.isLeft(notIn) && notIn.left._tag).toBe("NotMember")
    expect(Either.isLeft(notIn) && notIn.left.text.zh).toBe(
      `试验企业1（${a.uscc}）不在“专精特新”企业培育库中，不能于2024-01-01出库`,
    )
    const inPool = Either.getOrThrow(Pool.enter(a, pool, "2023-03-01", "优选"))
    const early = Pool.exit(inPool, pool, "2023-02-01", "出库")
    expect(Either.isLeft(early) && early.left._tag).toBe("ExitBeforeEntry")
    expect(Either.isLeft(early) && early.left.text.en).toContain("the exit date 2023-02-01 is before that")
  })
})
