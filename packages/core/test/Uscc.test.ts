import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import * as fc from "fast-check"
import { Uscc } from "../src/index.js"

// Codes printed on public business licences (check characters verified by hand against GB 32100-2015).
const REAL = ["91350100M000100Y43", "91110000600001760P"]

describe("Uscc", () => {
  it("accepts codes from real licences", () => {
    for (const code of REAL) expect(Uscc.problem(code)).toBeUndefined()
  })

  it("names the reason a code is wrong", () => {
    expect(Uscc.problem("9135010")).toEqual({ reason: "length", length: 7 })
    expect(Uscc.problem("91350100M000100I43")).toEqual({ reason: "charset", position: 16, char: "I" })
    expect(Uscc.problem("91A50100M000100Y43")).toEqual({ reason: "region", region: "A50100" })
    expect(Uscc.problem("91350100M000100Y44")).toEqual({ reason: "check", expected: "3", actual: "4" })
  })

  it("rejects lower case, which the standard does not use", () => {
    expect(Uscc.problem("91350100m000100Y43")).toMatchObject({ reason: "charset", position: 9 })
  })

  it("decodes through the schema with a bilingual message", () => {
    const result = Schema.decodeUnknownEither(Uscc.Uscc)("91350100M000100Y44")
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left.message).toContain("校验码错误")
      expect(result.left.message).toContain("wrong check character")
    }
  })

  it("completes any 17-character body into a valid code, and any single-character change breaks it", () => {
    const ch = fc.constantFrom(..."0123456789ABCDEFGHJKLMNPQRTUWXY")
    const body = fc.tuple(
      fc.array(ch, { minLength: 2, maxLength: 2 }),
      fc.array(fc.constantFrom(..."0123456789"), { minLength: 6, maxLength: 6 }),
      fc.array(ch, { minLength: 9, maxLength: 9 }),
    )
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), ch, ([a, b, c], pos, replacement) => {
        const code = Uscc.fromBody([...a, ...b, ...c].join(""))
        expect(Uscc.isValid(code)).toBe(true)
        const original = code[pos]!
        fc.pre(replacement !== original && !(pos >= 2 && pos < 8 && !/\d/.test(replacement)))
        const broken = code.slice(0, pos) + replacement + code.slice(pos + 1)
        expect(Uscc.isValid(broken)).toBe(false)
      }),
    )
  })
})
