/**
 * Normalising the names of government units as plans print them, so that 区经济信息委, 区 经济信息委 and
 * （区）经济信息委 written with half-width brackets compare equal.
 */

// Quotation marks carry no meaning in a unit's name but are typed in many styles (“”‘’"'「」).
const QUOTES = /["'“”‘’「」『』]/g
// Separators a typist may put between the parts of a name; NFKC has already folded the full-width forms.
const SEPARATORS = /[\s·・、,.;:]/g

/** The comparison key of a name: NFKC-folded (full-width → half-width), without spaces, quotes or separators. */
export const nameKey = (name: string): string =>
  name.normalize("NFKC").replace(QUOTES, "").replace(SEPARATORS, "").toLowerCase()
