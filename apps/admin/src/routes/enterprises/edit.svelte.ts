/**
 * The state of an enterprise form: messages by field (from core's schemas or the API's answer), the API's refusal
 * as a sentence, a stale version (someone else saved since the record was read), and whether it is saving.
 * The typed values live in the form and are never reset by a failed save.
 */
import type { ApiError } from "../../lib/api/problem.js"
import type { Me, StoredEnterprise } from "../../lib/api/types.js"
import type { Checked } from "../../lib/forms.js"

/** The versions behind a refused, stale edit. */
export interface Stale {
  readonly mine: number
  readonly current: number | undefined
}

export class EditState {
  errors = $state<Record<string, string>>({})
  problem = $state<ApiError | undefined>()
  stale = $state<Stale | undefined>()
  saving = $state(false)
  saved = $state<number | undefined>()

  /** The decoded value, or undefined with each message placed by its field. */
  valid<A>(checked: Checked<A>): A | undefined {
    if (!checked.ok) {
      this.errors = checked.errors
      this.saved = undefined
      return undefined
    }
    this.errors = {}
    return checked.value
  }

  /** Forgets a stale notice once the form works on the version the server holds (after a reload). */
  seen(version: number): void {
    const stale = this.stale
    if (stale !== undefined && stale.current !== undefined && version >= stale.current) this.stale = undefined
  }

  /** Sends an edit based on version `mine` (none for a create); a 412 becomes {@link Stale}, other refusals go by field. */
  async save(
    mine: number | undefined,
    lang: string,
    send: () => Promise<StoredEnterprise>,
  ): Promise<StoredEnterprise | undefined> {
    this.problem = undefined
    this.stale = undefined
    this.saved = undefined
    this.saving = true
    try {
      const stored = await send()
      this.saved = stored.version
      return stored
    } catch (e) {
      const error = e as ApiError
      if (error.stale && mine !== undefined) this.stale = { mine, current: error.currentVersion }
      else {
        this.problem = error
        this.errors = error.byField(lang)
      }
      return undefined
    } finally {
      this.saving = false
    }
  }
}

/** The region a new enterprise starts in: a district admin's own district (the only one it may write), else none. */
export const newEnterpriseRegion = (user: Me | null | undefined): string =>
  user?.role === "district_admin" && user.region !== null ? user.region : ""
