/**
 * The audit log: every write records who, when, what, and the record before and after, in the same transaction
 * as the write itself (so a rolled-back write leaves no audit line, and no write goes unlogged).
 */
import { insertMany } from "./bulk.js"
import type { Tx } from "./client.js"
import { audit } from "./schema.js"

/** One audited change. */
export interface Change {
  readonly action: string
  readonly entity: string
  readonly entityId: string
  readonly region: string | null
  readonly before?: unknown
  readonly after?: unknown
}

/** Records changes made by an actor. */
export const record = async (tx: Tx, actor: string, changes: ReadonlyArray<Change>): Promise<void> => {
  if (changes.length === 0) return
  await insertMany(
    tx,
    audit,
    changes.map((c) => ({
      actor,
      action: c.action,
      entity: c.entity,
      entityId: c.entityId,
      region: c.region,
      before: c.before ?? null,
      after: c.after ?? null,
    })),
  )
}
