/**
 * Who is signed in and what the role may do. The API decides; the admin only hides what a role cannot do, so the
 * rules here mirror apps/api's access levels (read / write / unit / municipal).
 */
import { api } from "./api/client.js"
import type { ApiError } from "./api/problem.js"
import type { Me, Role } from "./api/types.js"

/** What a screen can offer. */
export type Ability = "write" | "import" | "screen" | "approve" | "report" | "installPack"

const ABILITIES: Record<Role, ReadonlyArray<Ability>> = {
  municipal_admin: ["write", "import", "screen", "approve", "report", "installPack"],
  district_admin: ["write", "import", "screen", "approve", "report"],
  unit_officer: ["report"],
  viewer: [],
}

/** Whether a role may do something. */
export const can = (role: Role | undefined, ability: Ability): boolean =>
  role !== undefined && ABILITIES[role].includes(ability)

/** The session as reactive state. */
export class Session {
  user = $state<Me | null>(null)
  checked = $state(false)

  /** Asks the API who the cookie belongs to (none: the login page shows). */
  async restore(): Promise<void> {
    try {
      this.user = await api.me()
    } catch {
      this.user = null
    } finally {
      this.checked = true
    }
  }

  /** Logs in; rethrows the API's error for the form to show. */
  async login(username: string, password: string): Promise<void> {
    const { user } = await api.login(username, password)
    this.user = user
  }

  async logout(): Promise<void> {
    try {
      await api.logout()
    } catch (e) {
      if ((e as ApiError).status !== 401) throw e
    }
    this.user = null
  }

  can(ability: Ability): boolean {
    return can(this.user?.role, ability)
  }
}

/** The app's session. */
export const session = new Session()
