/**
 * The page table: each page is loaded when first opened, so the initial bundle holds only the shell and login.
 */
import type { Component } from "svelte"
import type { Ability } from "../lib/session.svelte.js"

/** A page of the admin. */
export interface PageDef {
  /** First path segment. */
  readonly path: string
  /** i18n key of the nav label. */
  readonly label: string
  readonly load: () => Promise<{ default: Component<{ segments: ReadonlyArray<string> }> }>
  /** What the role needs to see the page at all (undefined: every signed-in role). */
  readonly needs?: Ability
}

/** Pages in nav order. */
export const PAGES: ReadonlyArray<PageDef> = [
  { path: "", label: "nav.dashboard", load: () => import("./Dashboard.svelte") },
  { path: "enterprises", label: "nav.enterprises", load: () => import("./enterprises/Enterprises.svelte") },
  { path: "import", label: "nav.import", load: () => import("./Import.svelte"), needs: "import" },
  { path: "screening", label: "nav.screening", load: () => import("./screening/Screening.svelte") },
  { path: "pools", label: "nav.pools", load: () => import("./plan/Pools.svelte") },
  { path: "awards", label: "nav.awards", load: () => import("./plan/Awards.svelte") },
  { path: "tasks", label: "nav.tasks", load: () => import("./plan/Tasks.svelte") },
  { path: "problems", label: "nav.problems", load: () => import("./plan/Problems.svelte") },
  { path: "packs", label: "nav.packs", load: () => import("./packs/Packs.svelte") },
  // The API opens the audit log to admins only (access "write"); a viewer or unit officer would meet a 403.
  { path: "audit", label: "nav.audit", load: () => import("./plan/Audit.svelte"), needs: "write" },
]
