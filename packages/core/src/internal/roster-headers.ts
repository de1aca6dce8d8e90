/**
 * Matching roster headers as users write them: English ids or Chinese headers, with or without the unit in
 * brackets, full-width or half-width brackets, stray spaces and Roman-numeral ligatures (Ⅰ/I).
 */

/** The comparable form of a header: NFKC (full-width → half-width, Ⅰ → I), no spaces or quotes, lower case. */
export const normalizeHeader = (header: string): string =>
  header
    .normalize("NFKC")
    .replace(/[\s"'“”‘’「」]/g, "")
    .toLowerCase()

/** The header without a trailing unit in brackets: `营业收入(万元)` → `营业收入`. */
export const withoutUnit = (normalized: string): string => normalized.replace(/\([^()]*\)$/, "")

/**
 * Builds a lookup from every accepted spelling of a header to its column id. Spellings with the unit removed
 * are added too, unless two columns would then collide.
 */
export const headerIndex = <Id extends string>(
  columns: ReadonlyArray<{
    readonly id: Id
    readonly zh: string
    readonly en: string
    readonly aliases?: ReadonlyArray<string>
  }>,
): ReadonlyMap<string, Id> => {
  const index = new Map<string, Id>()
  const loose = new Map<string, Id | null>()
  for (const c of columns) {
    for (const spelling of [c.id, c.zh, c.en, ...(c.aliases ?? [])]) {
      const n = normalizeHeader(spelling)
      index.set(n, c.id)
      const bare = withoutUnit(n)
      if (bare !== n) loose.set(bare, loose.has(bare) && loose.get(bare) !== c.id ? null : c.id)
    }
  }
  for (const [bare, id] of loose) if (id !== null && !index.has(bare)) index.set(bare, id)
  return index
}

/** The column id a header names, or `undefined` for a header the format does not know. */
export const matchHeader = <Id extends string>(index: ReadonlyMap<string, Id>, header: string): Id | undefined => {
  const n = normalizeHeader(header)
  return index.get(n) ?? index.get(withoutUnit(n))
}
