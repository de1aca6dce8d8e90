/**
 * Region scoping in one place. A principal sees the regions under its own (all of them for a municipal admin or a
 * city-wide viewer); every list filters with {@link Scope.where}, every single read checks {@link Scope.read}
 * (another region's record answers 404, so existence does not leak), every write checks {@link Scope.write}.
 */
import { inArray, type SQL } from "drizzle-orm"
import type { PgColumn } from "drizzle-orm/pg-core"
import { forbidden, notFound } from "../http/problem.js"

/** The four roles. */
export const ROLES = ["municipal_admin", "district_admin", "unit_officer", "viewer"] as const

/** A role. */
export type Role = (typeof ROLES)[number]

/** Who is calling: the user, role, home region and unit, and the region codes it may see (null: all). */
export interface Principal {
  readonly id: number
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly region: string | null
  readonly unit: string | null
  readonly regions: ReadonlySet<string> | null
}

/** The scope of a request, derived from its principal. */
export class Scope {
  constructor(readonly principal: Principal) {}

  /** Whether the principal sees every region. */
  get all(): boolean {
    return this.principal.regions === null
  }

  /** Whether a region is visible. */
  sees(region: string): boolean {
    return this.principal.regions === null || this.principal.regions.has(region)
  }

  /** A predicate limiting a query to visible regions (undefined: no limit). */
  where(column: PgColumn): SQL | undefined {
    const regions = this.principal.regions
    if (regions === null) return undefined
    return inArray(column, regions.size === 0 ? ["-"] : [...regions])
  }

  /** Checks a record may be read; another region's record is reported as not found. */
  read(region: string, what: string, id: string): void {
    if (!this.sees(region)) throw notFound(what, id)
  }

  /** Checks the principal may write records of a region. */
  write(region: string): void {
    const role = this.principal.role
    if (role === "viewer" || role === "unit_officer")
      throw forbidden("当前角色只读，不能修改此类数据", `the ${role} role cannot change this resource`)
    if (!this.sees(region))
      throw forbidden(`无权修改其他区县（${region}）的数据`, `you may not change data of another region (${region})`)
  }

  /** Checks the principal may write records of a unit: its own unit for an officer, its region for an admin. */
  writeUnit(unit: string, region: string): void {
    const p = this.principal
    if (p.role === "unit_officer") {
      if (p.unit !== unit)
        throw forbidden(
          `只能填报或处理本单位（${p.unit ?? "-"}）的事项`,
          `you may only act for your own unit (${p.unit ?? "-"})`,
        )
      return
    }
    this.write(region)
  }

  /** Checks the principal is a municipal admin. */
  municipal(): void {
    if (this.principal.role !== "municipal_admin")
      throw forbidden("仅市级管理员可执行此操作", "only a municipal admin may do this")
  }
}
