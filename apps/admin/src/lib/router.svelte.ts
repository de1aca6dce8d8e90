/**
 * A hash router (`#/enterprises/9150…?q=…`). Hash URLs keep the admin's paths apart from the API's, which share
 * the origin and names (`/enterprises` is both a page and an API route), and need no server fallback.
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
  const segments = path.split("/").filter((s) => s !== "").map(decodeURIComponent)
  return { path: "/" + segments.map(encodeURIComponent).join("/"), segments, query: new URLSearchParams(search) }
}

/** The current location as reactive state. */
export class Router {
  location = $state<Location>(parseHash(globalThis.location?.hash ?? ""))

  constructor() {
    globalThis.addEventListener?.("hashchange", () => {
      this.location = parseHash(globalThis.location.hash)
    })
  }

  /** Goes to a path (`/enterprises`), optionally with a query. */
  go(path: string, query?: Record<string, string | undefined>): void {
    globalThis.location.hash = href(path, query)
  }

  /** Replaces the query of the current page without adding history (filters, sorting). */
  setQuery(query: Record<string, string | undefined>): void {
    const next = href(this.location.path, query)
    history.replaceState(null, "", next)
    this.location = parseHash(next)
  }
}

/** The link of a path and query. */
export const href = (path: string, query?: Record<string, string | undefined>): string => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== "") p.set(k, v)
  const s = p.toString()
  return `#${path}${s === "" ? "" : `?${s}`}`
}

/** The app's router. */
export const router = new Router()
