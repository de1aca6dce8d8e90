/**
 * A hash router (`#/enterprises/9150…?q=…`). Hash URLs keep the admin's paths apart from the API's, which share
 * the origin and names (`/enterprises` is both a page and an API route), and need no server fallback.
 */
import { href, parseHash, type Location } from "./location.js"

export { href, parseHash, type Location }

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

/** The app's router. */
export const router = new Router()
