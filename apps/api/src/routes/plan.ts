/**
 * Plan tracking: targets (observations, progress per region, roll-up of districts against the city), tasks
 * (responsibility matrix, progress reports by lead units per period, overdue), computed by @srdi/core.
 */
import { Calendar, Region, Target, Task } from "@srdi/core"
import { and, asc, eq, inArray } from "drizzle-orm"
import { Schema } from "effect"
import { record } from "../db/audit.js"
import { observations, regions, taskReports, units } from "../db/schema.js"
import { badRequest, notFound } from "../http/problem.js"
import { route, type Services } from "../http/route.js"

const packQuery = { pack: Schema.String.annotations({ description: "Pack id or id@version" }) }

const allTargets = async (deps: Services) =>
  (await deps.packs.active(deps.database.db)).flatMap((p) => p.resolved.targets.map((t) => ({ pack: p.id, target: t })))

const observationsOf = async (deps: Services, targetIds: ReadonlyArray<string>): Promise<Array<Target.Observation>> => {
  if (targetIds.length === 0) return []
  const rows = await deps.database.db
    .select()
    .from(observations)
    .where(inArray(observations.targetId, [...targetIds]))
  return rows.map((r) => ({
    target: r.targetId,
    region: r.region,
    on: r.on,
    value: r.value,
    ...(r.source !== null ? { source: r.source } : {}),
  }))
}

/** The target and task routes. */
export const planRoutes = [
  route({
    method: "get",
    path: "/targets",
    tag: "targets",
    summary: "A pack's targets with progress as of a date (attainment, gap, pace, projection, status)",
    access: "read",
    query: Schema.Struct({ ...packQuery, asOf: Calendar.IsoDate }),
    response: Schema.Struct({
      items: Schema.Array(Schema.Struct({ target: Target.Target, progress: Target.Progress })),
    }),
    handler: async ({ c, query, scope, deps }) => {
      const pack = await deps.packs.get(deps.database.db, query.pack)
      const targets = pack.resolved.targets.filter((t) => scope.all || scope.sees(t.region))
      const obs = await observationsOf(
        deps,
        targets.map((t) => t.id),
      )
      return c.json({
        items: targets.map((t) => ({
          target: Schema.encodeSync(Target.Target)(t),
          progress: Target.progress(t, obs, query.asOf),
        })),
      })
    },
  }),
  route({
    method: "post",
    path: "/targets/observations",
    tag: "targets",
    summary:
      "Record a measured value of a target's metric in a region on a date (replaces the same target, region and date)",
    access: "write",
    status: 201,
    body: Schema.Struct({
      pack: Schema.String,
      target: Schema.String,
      region: Region.RegionCode,
      on: Calendar.IsoDate,
      value: Schema.Number.pipe(Schema.finite(), Schema.nonNegative()),
      source: Schema.optional(Schema.String.pipe(Schema.maxLength(500))),
    }),
    response: Target.Observation,
    handler: async ({ c, body, scope, user, deps }) => {
      scope.write(body.region)
      const pack = await deps.packs.get(deps.database.db, body.pack)
      if (!pack.resolved.targets.some((t) => t.id === body.target))
        throw badRequest(`包 ${pack.id} 中没有目标 ${body.target}`, `pack ${pack.id} has no target ${body.target}`, [
          { pointer: "#/target", at: "target", message: { zh: "未知目标", en: "unknown target" } },
        ])
      await deps.database.db.transaction(async (tx) => {
        const row = {
          packId: pack.id,
          targetId: body.target,
          region: body.region,
          on: body.on,
          value: body.value,
          source: body.source ?? null,
          createdBy: user.username,
        }
        const [before] = await tx
          .select()
          .from(observations)
          .where(
            and(
              eq(observations.targetId, body.target),
              eq(observations.region, body.region),
              eq(observations.on, body.on),
            ),
          )
        await tx
          .insert(observations)
          .values(row)
          .onConflictDoUpdate({ target: [observations.targetId, observations.region, observations.on], set: row })
        await record(tx, user.username, [
          {
            action: "observe",
            entity: "target",
            entityId: body.target,
            region: body.region,
            before: before ?? null,
            after: row,
          },
        ])
      })
      return c.json(
        {
          target: body.target,
          region: body.region,
          on: body.on,
          value: body.value,
          ...(body.source !== undefined ? { source: body.source } : {}),
        },
        201,
      )
    },
  }),
  route({
    method: "get",
    path: "/targets/{target}/rollup",
    tag: "targets",
    summary: "District targets rolled up against a city target (children name it in rollsUpTo), as of a date",
    access: "read",
    query: Schema.Struct({ asOf: Calendar.IsoDate }),
    response: Schema.Unknown,
    handler: async ({ c, params, query, scope, deps }) => {
      const all = await allTargets(deps)
      const parent = all.find((x) => x.target.id === params.target)
      // A district sees the roll-up of its own region's targets or of a region above it (the city it contributes
      // to), and in it only the children in its regions: other districts' progress is their data.
      const home = scope.principal.region
      const visible =
        parent !== undefined &&
        (scope.all ||
          scope.sees(parent.target.region) ||
          (home !== null && Region.isWithinByCode(home, parent.target.region)))
      if (!visible) throw notFound("目标 / target", params.target!)
      const children = all
        .map((x) => x.target)
        .filter((t) => Target.rollsUpTo(t, parent.target) && (scope.all || scope.sees(t.region)))
      const obs = await observationsOf(deps, [parent.target.id, ...children.map((t) => t.id)])
      const tree = (await deps.database.db.select().from(regions)).map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level as Region.Level,
        ...(r.parent !== null ? { parent: r.parent } : {}),
        ...(r.nameEn !== null ? { nameEn: r.nameEn } : {}),
      }))
      const r = Target.rollUp(parent.target, children, obs, query.asOf, tree)
      return c.json({ ...r, excluded: r.excluded.map((e) => ({ target: e.target.id, reason: e.reason })) })
    },
  }),
  route({
    method: "get",
    path: "/tasks",
    tag: "tasks",
    summary: "A pack's tasks and safeguard measures with lead and cooperating units and clauses",
    access: "read",
    query: Schema.Struct({ ...packQuery, unit: Schema.optional(Schema.String) }),
    response: Schema.Struct({ items: Schema.Array(Task.Task) }),
    handler: async ({ c, query, deps }) => {
      const pack = await deps.packs.get(deps.database.db, query.pack)
      const items = pack.resolved.tasks.filter(
        (t) => query.unit === undefined || t.lead.includes(query.unit) || t.cooperating.includes(query.unit),
      )
      return c.json({ items: items.map((t) => Schema.encodeSync(Task.Task)(t)) })
    },
  }),
  route({
    method: "get",
    path: "/tasks/matrix",
    tag: "tasks",
    summary: "The responsibility matrix: unit × task (lead or cooperating)",
    access: "read",
    query: Schema.Struct(packQuery),
    response: Schema.Unknown,
    handler: async ({ c, query, deps }) => {
      const pack = await deps.packs.get(deps.database.db, query.pack)
      const m = Task.matrix(pack.resolved.tasks, pack.resolved.units)
      return c.json({
        columns: m.columns.map((t) => ({ id: t.id, number: t.number, title: t.title })),
        rows: m.rows.map((r) => ({ ...r, unit: { id: r.unit.id, name: r.unit.name } })),
        unassigned: m.unassigned.map((t) => t.id),
        unknownUnits: m.unknownUnits,
      })
    },
  }),
  route({
    method: "post",
    path: "/tasks/{task}/reports",
    tag: "tasks",
    summary:
      "A lead unit's progress report on a task for a period (2024, 2024-Q3 or 2024-07); unit officers report for their own unit",
    access: "unit",
    status: 201,
    body: Schema.Struct({
      pack: Schema.String,
      unit: Schema.optional(Schema.String).annotations({ description: "Defaults to the officer's own unit" }),
      period: Task.Report.fields.period,
      reportedOn: Calendar.IsoDate,
      status: Task.Report.fields.status,
      note: Schema.optional(Schema.String.pipe(Schema.maxLength(2000))),
    }),
    response: Task.Report,
    handler: async ({ c, params, body, scope, user, deps }) => {
      const pack = await deps.packs.get(deps.database.db, body.pack)
      const task = pack.resolved.tasks.find((t) => t.id === params.task)
      if (task === undefined) throw notFound("任务 / task", params.task!)
      const unitId = body.unit ?? user.unit
      if (unitId === null || unitId === undefined)
        throw badRequest("请指定填报单位 unit", "name the reporting unit", [
          { pointer: "#/unit", at: "unit", message: { zh: "缺少单位", en: "unit is missing" } },
        ])
      const unit = (await deps.database.db.select().from(units).where(eq(units.id, unitId)))[0]
      if (unit === undefined) throw notFound("单位 / unit", unitId)
      scope.writeUnit(unit.id, unit.region)
      if (!task.lead.includes(unit.id) && !task.cooperating.includes(unit.id))
        throw badRequest(
          `${unit.name} 不是任务 ${task.number} 的牵头或配合单位`,
          `${unit.id} is neither lead nor cooperating unit of task ${task.id}`,
          [{ pointer: "#/unit", at: "unit", message: { zh: "单位与任务无关", en: "unit not assigned to this task" } }],
        )
      const row = {
        packId: pack.id,
        taskId: task.id,
        unit: unit.id,
        region: unit.region,
        period: body.period,
        reportedOn: body.reportedOn,
        status: body.status,
        note: body.note ?? null,
        createdBy: user.username,
      }
      await deps.database.db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(taskReports)
          .where(
            and(
              eq(taskReports.packId, pack.id),
              eq(taskReports.taskId, task.id),
              eq(taskReports.unit, unit.id),
              eq(taskReports.period, body.period),
            ),
          )
        await tx
          .insert(taskReports)
          .values(row)
          .onConflictDoUpdate({
            target: [taskReports.packId, taskReports.taskId, taskReports.unit, taskReports.period],
            set: { ...row, version: (before?.version ?? 0) + 1 },
          })
        await record(tx, user.username, [
          {
            action: "report",
            entity: "task",
            entityId: `${pack.id}:${task.id}`,
            region: unit.region,
            before: before ?? null,
            after: row,
          },
        ])
      })
      return c.json(
        {
          task: task.id,
          unit: unit.id,
          period: body.period,
          reportedOn: body.reportedOn,
          status: body.status,
          ...(body.note !== undefined ? { note: body.note } : {}),
        },
        201,
      )
    },
  }),
  route({
    method: "get",
    path: "/tasks/overdue",
    tag: "tasks",
    summary: "Reports owed and overdue as of a date, per task, unit and period (most overdue first)",
    access: "read",
    query: Schema.Struct({ ...packQuery, asOf: Calendar.IsoDate, unit: Schema.optional(Schema.String) }),
    response: Schema.Struct({
      items: Schema.Array(
        Schema.Struct({
          task: Schema.String,
          number: Schema.String,
          unit: Schema.String,
          period: Schema.NullOr(Schema.String),
          dueOn: Schema.String,
          daysOverdue: Schema.Number,
        }),
      ),
    }),
    handler: async ({ c, query, scope, user, deps }) => {
      const pack = await deps.packs.get(deps.database.db, query.pack)
      const rows = await deps.database.db
        .select()
        .from(taskReports)
        .where(and(eq(taskReports.packId, pack.id), scope.where(taskReports.region)))
        .orderBy(asc(taskReports.id))
      const reports: Array<Task.Report> = rows.map((r) => ({
        task: r.taskId,
        unit: r.unit,
        period: r.period,
        reportedOn: r.reportedOn,
        status: r.status as Task.Report["status"],
        ...(r.note !== null ? { note: r.note } : {}),
      }))
      const unitFilter = query.unit ?? (user.role === "unit_officer" ? user.unit : undefined)
      const items = Task.overdue(pack.resolved.tasks, reports, query.asOf, { from: pack.resolved.meta.period.from })
        .filter((o) => unitFilter === undefined || unitFilter === null || o.unit === unitFilter)
        .filter((o) => scope.all || pack.resolved.units.some((u) => u.id === o.unit && scope.sees(u.region)))
        .map((o) => ({
          task: o.task.id,
          number: o.task.number,
          unit: o.unit,
          period: o.period,
          dueOn: o.dueOn,
          daysOverdue: o.daysOverdue,
        }))
      return c.json({ items })
    },
  }),
]
