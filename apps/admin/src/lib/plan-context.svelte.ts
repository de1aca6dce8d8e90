/**
 * The pack and date the plan-tracking pages read (targets, tasks, awards): from the URL (`?pack=…&asOf=…`) so a
 * view can be shared, else the active pack of the user's own region (a district's plan for district staff, the
 * city plan for the municipality) and today.
 */
import { api } from "./api/client.js"
import { defaultPack, today } from "./plan-defaults.js"
import { Resource } from "./resource.svelte.js"
import { router } from "./router.svelte.js"
import { session } from "./session.svelte.js"

export { defaultPack, today }

/** The shared choice of pack and date. */
export class PlanContext {
  readonly packs = new Resource(() => api.packs())
  readonly pack = $derived(
    router.location.query.get("pack") ??
      (this.packs.data === undefined ? "" : defaultPack(this.packs.data.items, session.user?.region ?? null)),
  )
  readonly asOf = $derived(router.location.query.get("asOf") ?? today())

  /** Changes the pack or date, keeping the rest of the query. */
  set(key: "pack" | "asOf", value: string): void {
    router.setQuery({ ...Object.fromEntries(router.location.query), [key]: value })
  }
}
