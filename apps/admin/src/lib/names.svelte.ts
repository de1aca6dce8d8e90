/**
 * Names people read in place of ids: government units (`GET /units`), awards of a pack (`GET /packs/{id}/resolved`)
 * and enterprises (`GET /enterprises?q=<uscc>`, one small lookup per USCC shown, since no route takes a list of
 * USCCs). Each is fetched once per session and cached; until a name arrives (or when it cannot be had) the id shows.
 */
import { SvelteMap } from "svelte/reactivity"
import { api } from "./api/client.js"

/** A name in both languages. */
export interface Named {
  readonly zh: string
  readonly en: string
}

/** A name in the user's language, or the id when the name is not known. */
export const nameIn = (name: Named | undefined, lang: string, id: string): string =>
  name === undefined ? id : lang.startsWith("en") ? name.en : name.zh

interface UnitRow {
  readonly id: string
  readonly name: string
  readonly data: { readonly nameEn?: string; readonly shortName?: string }
}

/** The shared, lazily filled name caches. */
class Names {
  readonly #units = new SvelteMap<string, Named>()
  readonly #awards = new SvelteMap<string, Named>()
  readonly #enterprises = new SvelteMap<string, string>()
  #unitsAsked = false
  readonly #packsAsked = new Set<string>()
  readonly #usccsAsked = new Set<string>()

  /** A unit's name, asking the API for all units the first time. */
  unit(id: string | null | undefined): Named | undefined {
    if (id === null || id === undefined) return undefined
    if (!this.#unitsAsked) {
      this.#unitsAsked = true
      void api
        .get<{ items: ReadonlyArray<UnitRow> }>("/units")
        .then((r) => {
          for (const u of r.items) this.#units.set(u.id, { zh: u.name, en: u.data.nameEn ?? u.name })
        })
        .catch(() => (this.#unitsAsked = false))
    }
    return this.#units.get(id)
  }

  /** An award's title in a pack (the pack with its layers resolved, so inherited awards are named too). */
  award(pack: string, id: string): Named | undefined {
    if (pack !== "" && !this.#packsAsked.has(pack)) {
      this.#packsAsked.add(pack)
      void api
        .resolvedPack(pack)
        .then((r) => {
          for (const a of r.awards ?? []) this.#awards.set(`${pack}/${a.id}`, a.name)
        })
        .catch(() => this.#packsAsked.delete(pack))
    }
    return this.#awards.get(`${pack}/${id}`)
  }

  /** An enterprise's name, looked up by its USCC the first time it is asked for. */
  enterprise(uscc: string): string | undefined {
    if (!this.#usccsAsked.has(uscc)) {
      this.#usccsAsked.add(uscc)
      void api
        .enterprises({ q: uscc, limit: 1 })
        .then((r) => {
          const hit = r.items.find((e) => e.uscc === uscc)
          if (hit !== undefined) this.#enterprises.set(uscc, hit.name)
        })
        .catch(() => this.#usccsAsked.delete(uscc))
    }
    return this.#enterprises.get(uscc)
  }

  /** Remembers names already at hand (a list of enterprises), saving the lookups. */
  knowEnterprises(rows: ReadonlyArray<{ readonly uscc: string; readonly name: string }>): void {
    for (const r of rows) {
      this.#usccsAsked.add(r.uscc)
      this.#enterprises.set(r.uscc, r.name)
    }
  }
}

/** The admin's one set of name caches. */
export const names = new Names()
