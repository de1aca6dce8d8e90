/**
 * The database schema. Domain records are kept whole as JSONB (decoded by @srdi/core's schemas on the way in and out)
 * beside the columns that queries filter, sort, scope and join on. `region` is on every scoped table so one
 * predicate enforces region scoping everywhere.
 */
import { sql } from "drizzle-orm"
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core"

const created = () => timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow()
const updated = () => timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow()

export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en"),
  level: text("level").notNull(),
  parent: text("parent"),
})

export const units = pgTable(
  "units",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    region: text("region").notNull(),
    data: jsonb("data").notNull(),
  },
  (t) => [index("units_region_idx").on(t.region)],
)

export const packs = pgTable(
  "packs",
  {
    id: text("id").notNull(),
    version: text("version").notNull(),
    hash: text("hash").notNull(),
    title: text("title").notNull(),
    region: text("region").notNull(),
    pack: jsonb("pack").notNull(),
    resolved: jsonb("resolved").notNull(),
    active: boolean("active").notNull().default(true),
    installedAt: timestamp("installed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
)

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role").notNull(),
  region: text("region"),
  unit: text("unit"),
  createdAt: created(),
})

export const sessions = pgTable("sessions", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: created(),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
})

export const enterprises = pgTable(
  "enterprises",
  {
    uscc: text("uscc").primaryKey(),
    name: text("name").notNull(),
    region: text("region").notNull(),
    industry: text("industry"),
    data: jsonb("data").notNull(),
    version: integer("version").notNull().default(1),
    demo: boolean("demo").notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("enterprises_region_idx").on(t.region, t.uscc), index("enterprises_name_idx").on(t.name)],
)

export const enterpriseHistory = pgTable(
  "enterprise_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    uscc: text("uscc").notNull(),
    version: integer("version").notNull(),
    data: jsonb("data"),
    change: text("change").notNull(),
    changedBy: text("changed_by").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("enterprise_history_uscc_idx").on(t.uscc, t.version)],
)

export const screenings = pgTable("screenings", {
  id: serial("id").primaryKey(),
  packId: text("pack_id").notNull(),
  packVersion: text("pack_version").notNull(),
  packHash: text("pack_hash").notNull(),
  ruleId: text("rule_id").notNull(),
  asOf: text("as_of").notNull(),
  region: text("region"),
  count: integer("count").notNull().default(0),
  summary: jsonb("summary").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: created(),
})

export const decisions = pgTable(
  "decisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    screeningId: integer("screening_id")
      .notNull()
      .references(() => screenings.id, { onDelete: "cascade" }),
    uscc: text("uscc").notNull(),
    region: text("region").notNull(),
    packId: text("pack_id").notNull(),
    packVersion: text("pack_version").notNull(),
    packHash: text("pack_hash").notNull(),
    ruleId: text("rule_id").notNull(),
    asOf: text("as_of").notNull(),
    verdict: text("verdict").notNull(),
    score: doublePrecision("score"),
    distance: doublePrecision("distance").notNull(),
    nearMiss: boolean("near_miss").notNull(),
    inputDigest: text("input_digest").notNull(),
    // The full evaluation (trace, reasons, missing inputs); a population run keeps it for every decision except
    // plain ineligible ones, whose verdict, distance and digest are enough and whose trace is re-derivable.
    evaluation: jsonb("evaluation"),
    reasons: jsonb("reasons"),
    createdBy: text("created_by").notNull(),
    createdAt: created(),
  },
  (t) => [
    index("decisions_screening_idx").on(t.screeningId, t.verdict),
    index("decisions_uscc_idx").on(t.uscc, t.createdAt),
    index("decisions_near_miss_idx")
      .on(t.region, t.ruleId)
      .where(sql`${t.nearMiss}`),
  ],
)

export const awardClaims = pgTable(
  "award_claims",
  {
    id: serial("id").primaryKey(),
    packId: text("pack_id").notNull(),
    awardId: text("award_id").notNull(),
    uscc: text("uscc").notNull(),
    region: text("region").notNull(),
    event: text("event").notNull(),
    eventOn: text("event_on").notNull(),
    budgetYear: integer("budget_year").notNull(),
    amount: doublePrecision("amount"),
    unit: text("unit").notNull(),
    payer: text("payer"),
    cite: jsonb("cite").notNull(),
    status: text("status").notNull().default("pending"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    // The same award for the same event is claimed once: no double-dipping.
    uniqueIndex("award_claims_uq").on(t.awardId, t.uscc, t.event),
    index("award_claims_region_idx").on(t.region, t.status),
  ],
)

export const payments = pgTable("payments", {
  id: serial("id").primaryKey(),
  // unique: a claim is paid once.
  claimId: integer("claim_id")
    .notNull()
    .unique()
    .references(() => awardClaims.id),
  region: text("region").notNull(),
  amount: doublePrecision("amount").notNull(),
  payer: text("payer"),
  budgetYear: integer("budget_year").notNull(),
  paidOn: text("paid_on").notNull(),
  reference: text("reference"),
  paidBy: text("paid_by").notNull(),
  createdAt: created(),
})

export const observations = pgTable(
  "target_observations",
  {
    id: serial("id").primaryKey(),
    packId: text("pack_id").notNull(),
    targetId: text("target_id").notNull(),
    region: text("region").notNull(),
    on: text("observed_on").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source"),
    createdBy: text("created_by").notNull(),
  },
  (t) => [uniqueIndex("target_observations_uq").on(t.targetId, t.region, t.on)],
)

export const taskReports = pgTable(
  "task_reports",
  {
    id: serial("id").primaryKey(),
    packId: text("pack_id").notNull(),
    taskId: text("task_id").notNull(),
    unit: text("unit").notNull(),
    region: text("region").notNull(),
    period: text("period").notNull(),
    reportedOn: text("reported_on").notNull(),
    status: text("status").notNull(),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
  },
  (t) => [uniqueIndex("task_reports_uq").on(t.packId, t.taskId, t.unit, t.period)],
)

export const problems = pgTable(
  "problems",
  {
    id: text("id").primaryKey(),
    uscc: text("uscc").notNull(),
    region: text("region").notNull(),
    unit: text("unit").notNull(),
    category: text("category").notNull(),
    status: text("status").notNull(),
    dueOn: text("due_on").notNull(),
    data: jsonb("data").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("problems_region_idx").on(t.region, t.status), index("problems_unit_idx").on(t.unit)],
)

export const audit = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    region: text("region"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId), index("audit_log_region_idx").on(t.region, t.at)],
)

export const imports = pgTable("imports", {
  id: serial("id").primaryKey(),
  filename: text("filename").notNull(),
  format: text("format").notNull(),
  rows: integer("rows").notNull(),
  inserted: integer("inserted").notNull(),
  updated: integer("updated").notNull(),
  rejected: integer("rejected").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: created(),
})
