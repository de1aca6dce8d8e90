/**
 * Where a piece of policy comes from: the source file, the clause and the original sentence.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A reference to the clause of a source document that a value, task, award or criterion encodes.
 * `text` keeps the original Chinese sentence so a reader can check the encoding against it.
 *
 * @example
 * const cite: Citation.Citation = {
 *   source: "003_2e9c9c1acd6c6705.txt",
 *   clause: "二（一）4",
 *   text: "上年度研发投入强度不低于5%；",
 * }
 *
 * @since 0.1.0
 * @category schemas
 */
export const Citation = Schema.Struct({
  source: Schema.NonEmptyTrimmedString.annotations({ description: "Source file name, e.g. 000_d71d90c544c9bbc9.txt" }),
  clause: Schema.NonEmptyTrimmedString.annotations({ description: "Clause number as printed, e.g. 二（一）1" }),
  text: Schema.NonEmptyString.annotations({ description: "The original Chinese sentence" }),
  note: Schema.optional(Schema.String).annotations({ description: "Encoder's note: how the sentence was read" }),
}).annotations({ identifier: "Citation" })

/**
 * @since 0.1.0
 * @category models
 */
export type Citation = typeof Citation.Type

/**
 * A short human label for a citation: `source §clause`.
 *
 * @example
 * Citation.label(cite) // "003_2e9c9c1acd6c6705.txt §二（一）4"
 *
 * @since 0.1.0
 * @category getters
 */
export const label = (cite: Citation): string => `${cite.source} §${cite.clause}`

/**
 * Every citation inside a value, wherever it sits (rules and their nodes, dated parameter values, award stages,
 * gaps), each with a JSON-ish path to it. A citation is any object carrying string `source`, `clause` and `text`;
 * the walk goes on inside it, so nested ones are found too. Used by pack tests to check every quote against its source.
 *
 * @example
 * Citation.collect({ gaps: [{ id: "g", cite }] }) // [{ at: "pack.gaps[0].cite", cite }]
 *
 * @since 0.1.0
 * @category getters
 */
export const collect = (
  value: unknown,
  at = "pack",
): ReadonlyArray<{ readonly at: string; readonly cite: Citation }> => {
  if (Array.isArray(value)) return value.flatMap((item: unknown, i) => collect(item, `${at}[${i}]`))
  if (typeof value !== "object" || value === null) return []
  const record = value as Record<string, unknown>
  const own =
    typeof record["source"] === "string" && typeof record["clause"] === "string" && typeof record["text"] === "string"
      ? [{ at, cite: record as Citation }]
      : []
  return [...own, ...Object.entries(record).flatMap(([key, item]) => collect(item, `${at}.${key}`))]
}
