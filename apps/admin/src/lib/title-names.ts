/**
 * Names of titles and grant levels as people read them: core's Title labels (KNOWN) in the user's language, the id
 * itself for a title a pack names that core does not know.
 */
import { Title } from "@srdi/core"

/** A title's name (`hnte` → 高新技术企业 / high-tech enterprise (HNTE)); an unknown id stays as it is. */
export const titleName = (id: string, lang: string): string => {
  const known = Title.KNOWN[id]
  return known === undefined ? id : lang.startsWith("en") ? known.en : known.zh
}

/** The i18n key of a grant level (`national` → `level.national`). */
export const levelKey = (level: Title.GrantLevel): string => `level.${level}`
