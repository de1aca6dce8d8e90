/**
 * Hash locations (`#/enterprises/9150…?q=…`) parsed and written; the reactive router is in router.svelte.ts.
 */

/** The parsed location: path segments and query. */
export interface Location {
  readonly path: string
  readonly segments: ReadonlyArray<string>
  readonly query: URLSearchParams
}

/** Parses a hash such as `#/screening/3?verdict=eligible`. */
export const parseHash = (hash: string): Location => {
  const raw = hash.replace(/^#/, "") || "/"
  const [path = "/", search = ""] = raw.split("?", 2)
  const segments = path
    .split("/")
    .filter((s) => s !== "")
    .map(decodeURIComponent)
  return { path: "/" + segments.map(encodeURIComponent).join("/"), segments, query: new URLSearchParams(search) }
}

/** The link of a path and query. */
export const href = (path: string, query?: Record<string, string | undefined>): string => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== "") p.set(k, v)
  const s = p.toString()
  return `#${path}${s === "" ? "" : `?${s}`}`
}
