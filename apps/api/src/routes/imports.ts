/**
 * Import and export of enterprise rosters (CSV, XLSX): upsert by USCC, a preview that writes nothing, a row-level
 * error report, and all-or-nothing (default) or best-effort commits. Rows are mapped to enterprises by @srdi/core's
 * Roster; an import is one transaction, written in batches, so a crash mid-import leaves nothing half-written.
 */
import { type Enterprise, Roster } from "@srdi/core"
import { and, asc, gt, sql, type SQL } from "drizzle-orm"
import { Schema } from "effect"
import { record } from "../db/audit.js"
import { CHUNK, inJson, recordset } from "../db/bulk.js"
import type { Tx } from "../db/client.js"
import { enterpriseHistory, enterprises, imports } from "../db/schema.js"
import { HttpProblem, TYPES } from "../http/problem.js"
import { route } from "../http/route.js"
import type { Scope } from "../middleware/scope.js"
import { formatOf, MEDIA, writeRows, type Format } from "../roster/files.js"
import { parseUpload } from "../roster/off-thread.js"
import { toStored } from "./enterprises.js"

const TAG = "imports"

const ImportQuery = Schema.Struct({
  mode: Schema.optional(Schema.Literal("preview", "commit")),
  atomic: Schema.optional(Schema.Literal("true", "false")),
  format: Schema.optional(Schema.Literal("csv", "xlsx")),
  filename: Schema.optional(Schema.String.pipe(Schema.maxLength(255))),
})

const ImportResult = Schema.Struct({
  importId: Schema.NullOr(Schema.Int),
  mode: Schema.Literal("preview", "commit"),
  rows: Schema.Int,
  enterprises: Schema.Int,
  inserted: Schema.Int,
  updated: Schema.Int,
  rejected: Schema.Int,
  errors: Schema.Array(Roster.RowError),
  unknownColumns: Schema.Array(Schema.String),
}).annotations({ identifier: "ImportResult" })

/** Existing versions and regions of the USCCs (locked when writing). */
const existingOf = async (tx: Tx, usccs: ReadonlyArray<string>, lock: boolean) => {
  const found = new Map<string, { region: string; version: number }>()
  for (let i = 0; i < usccs.length; i += CHUNK) {
    const q = tx
      .select({ uscc: enterprises.uscc, region: enterprises.region, version: enterprises.version })
      .from(enterprises)
      .where(inJson(enterprises.uscc, usccs.slice(i, i + CHUNK)))
    for (const r of await (lock ? q.for("update") : q)) found.set(r.uscc, { region: r.region, version: r.version })
  }
  return found
}

/** Row errors for enterprises outside the caller's regions (new region, or an existing record's region). */
const scopeErrors = (
  list: ReadonlyArray<Enterprise.Enterprise>,
  existing: Map<string, { region: string }>,
  scope: Scope,
  rowOf: (uscc: string) => number,
): Array<Roster.RowError> => {
  const out: Array<Roster.RowError> = []
  for (const e of list) {
    const old = existing.get(e.uscc)
    const bad = [e.region, ...(old !== undefined ? [old.region] : [])].find((r) => !scope.sees(r))
    if (bad !== undefined)
      out.push({
        row: rowOf(e.uscc),
        column: "region",
        uscc: e.uscc,
        // Name the region only when the file gave it, so a preview does not reveal where an existing record is.
        message:
          bad === e.region
            ? {
                zh: `无权导入其他区县（${bad}）的企业`,
                en: `you may not import enterprises of another region (${bad})`,
              }
            : {
                zh: "该统一社会信用代码已属于您管辖范围以外的企业，不能导入",
                en: "this USCC belongs to an enterprise outside your regions; it cannot be imported",
              },
      })
  }
  return out
}

/**
 * The upsert: new records at version 1, changed ones at version + 1, history and audit per enterprise. Each chunk is
 * one statement: the upsert returns the rows it wrote straight into the history table (a data-modifying CTE), so
 * no record crosses the wire twice.
 */
const upsert = async (
  tx: Tx,
  list: ReadonlyArray<Enterprise.Enterprise>,
  existing: Map<string, { region: string; version: number }>,
  actor: string,
  importId: number,
): Promise<{ inserted: number; updated: number }> => {
  let inserted = 0
  let updated = 0
  for (let i = 0; i < list.length; i += CHUNK) {
    const rows = list.slice(i, i + CHUNK).map((e) => ({
      uscc: e.uscc as string,
      name: e.name,
      region: e.region,
      industry: e.industry ?? null,
      data: toStored(e),
    }))
    const { source, names } = recordset(enterprises, rows)
    await tx.execute(sql`with written as (
        insert into ${enterprises} (${names}) select ${names} from ${source}
        on conflict (uscc) do update set name = excluded.name, region = excluded.region, industry = excluded.industry,
          data = excluded.data, version = ${enterprises.version} + 1, updated_at = now()
        returning uscc, version, data)
      insert into ${enterpriseHistory} (uscc, version, data, change, changed_by)
      select uscc, version, data, ${`import:${importId}`}, ${actor} from written`)
    // The history row holds the full record after; the audit line links to it by version.
    await record(
      tx,
      actor,
      rows.map((r) => {
        const old = existing.get(r.uscc)
        return {
          action: old === undefined ? "import:create" : "import:update",
          entity: "enterprise",
          entityId: r.uscc,
          region: r.region,
          before: old === undefined ? null : { version: old.version, region: old.region },
          after: { version: (old?.version ?? 0) + 1, import: importId },
        }
      }),
    )
    for (const r of rows)
      if (existing.has(r.uscc)) updated++
      else inserted++
  }
  return { inserted, updated }
}

/** The import and export routes. */
export const importRoutes = [
  route({
    method: "post",
    path: "/imports",
    tag: TAG,
    summary: "Import a roster file (CSV or XLSX body): upsert by USCC, or preview without writing",
    description:
      "Send the file as the raw body (`curl --data-binary @roster.csv -H 'content-type: text/csv'`). `mode=preview` reports what would happen. By default (`atomic=true`) any bad row rejects the whole file with a 422 listing every row; `atomic=false` writes the good enterprises and reports the rest.",
    access: "write",
    upload: true,
    query: ImportQuery,
    response: ImportResult,
    handler: async ({ c, query, scope, user, deps }) => {
      const format = formatOf(query.format, c.req.header("content-type"), query.filename)
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.length === 0)
        throw new HttpProblem(400, TYPES.validation, "Empty file", {
          zh: "上传的文件为空",
          en: "the uploaded file is empty",
        })
      // Reading and mapping a large file takes seconds of CPU: a worker thread does it, so other requests go on.
      const upload = await parseUpload(format, bytes)
      const parsed = upload.result
      const rowOf = (uscc: string) => upload.usccRows.get(uscc) ?? 0
      const mode = query.mode ?? "commit"
      const atomic = query.atomic !== "false"
      const db = deps.database.db
      const answer = (
        result: {
          importId: number | null
          inserted: number
          updated: number
          errors: ReadonlyArray<Roster.RowError>
          good: number
        },
        status: 200 | 201,
      ) =>
        c.json(
          {
            importId: result.importId,
            mode,
            rows: upload.rows,
            enterprises: result.good,
            inserted: result.inserted,
            updated: result.updated,
            rejected:
              parsed.enterprises.length - result.good + new Set(parsed.errors.map((e) => e.uscc ?? `row${e.row}`)).size,
            errors: result.errors,
            unknownColumns: parsed.unknownColumns,
          },
          status,
        )
      const reject = (errors: ReadonlyArray<Roster.RowError>) =>
        new HttpProblem(
          422,
          TYPES.validation,
          "Import rejected",
          {
            zh: `文件有 ${errors.length} 处错误，未写入任何数据（首个：第 ${errors[0]!.row} 行 ${errors[0]!.column}：${errors[0]!.message.zh}）`,
            en: `the file has ${errors.length} problem(s); nothing was written (first: row ${errors[0]!.row} ${errors[0]!.column}: ${errors[0]!.message.en})`,
          },
          errors.map((e) => ({
            row: e.row,
            column: e.column,
            ...(e.uscc !== undefined ? { at: e.uscc } : {}),
            message: e.message,
          })),
        )

      if (mode === "preview") {
        const existing = await existingOf(
          db,
          parsed.enterprises.map((e) => e.uscc),
          false,
        )
        const errors = [...parsed.errors, ...scopeErrors(parsed.enterprises, existing, scope, rowOf)].sort(
          (a, b) => a.row - b.row,
        )
        const bad = new Set(errors.map((e) => e.uscc))
        const good = parsed.enterprises.filter((e) => !bad.has(e.uscc))
        const updated = good.filter((e) => existing.has(e.uscc)).length
        return answer({ importId: null, inserted: good.length - updated, updated, errors, good: good.length }, 200)
      }

      if (atomic && parsed.errors.length > 0) throw reject(parsed.errors)
      const result = await db.transaction(async (tx) => {
        const existing = await existingOf(
          tx,
          parsed.enterprises.map((e) => e.uscc),
          true,
        )
        const outOfScope = scopeErrors(parsed.enterprises, existing, scope, rowOf)
        const errors = [...parsed.errors, ...outOfScope].sort((a, b) => a.row - b.row)
        if (atomic && errors.length > 0) throw reject(errors)
        const bad = new Set(outOfScope.map((e) => e.uscc))
        const good = parsed.enterprises.filter((e) => !bad.has(e.uscc))
        const [imp] = await tx
          .insert(imports)
          .values({
            filename: query.filename ?? `upload.${format}`,
            format,
            rows: upload.rows,
            inserted: 0,
            updated: 0,
            rejected: errors.length,
            createdBy: user.username,
          })
          .returning({ id: imports.id })
        const counts = await upsert(tx, good, existing, user.username, imp!.id)
        await tx
          .update(imports)
          .set(counts)
          .where(sql`${imports.id} = ${imp!.id}`)
        return { importId: imp!.id, ...counts, errors, good: good.length }
      })
      // Fresh statistics after a bulk load, so lists keep using the (region, uscc) index instead of scanning.
      if (result.inserted + result.updated >= 1000) await db.execute(sql`analyze ${enterprises}`)
      return answer(result, 201)
    },
  }),
  route({
    method: "get",
    path: "/imports/template",
    tag: TAG,
    summary: "A roster template to fill in (header row plus clearly marked example rows)",
    access: "read",
    query: Schema.Struct({
      format: Schema.optional(Schema.Literal("csv", "xlsx")),
      headers: Schema.optional(Schema.Literal("zh", "en")),
    }),
    produces: [MEDIA.csv, MEDIA.xlsx],
    handler: async ({ c, query }) => {
      const format: Format = query.format ?? "csv"
      const [head, ...body] = Roster.templateRows(query.headers ?? "zh")
      const rows = body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ""])))
      const bytes = await writeRows(format, rows, head!)
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": MEDIA[format],
        "content-disposition": `attachment; filename="roster-template.${format}"`,
      })
    },
  }),
  route({
    method: "get",
    path: "/exports/enterprises",
    tag: TAG,
    summary: "Export the enterprises in scope as a roster (CSV or XLSX, Chinese or English headers)",
    access: "read",
    query: Schema.Struct({
      format: Schema.optional(Schema.Literal("csv", "xlsx")),
      headers: Schema.optional(Schema.Literal("zh", "en")),
      region: Schema.optional(Schema.String),
    }),
    produces: [MEDIA.csv, MEDIA.xlsx],
    handler: async ({ c, query, scope, deps }) => {
      const format: Format = query.format ?? "csv"
      const lang = query.headers ?? "zh"
      const list: Array<Enterprise.Enterprise> = []
      let after = ""
      const base: Array<SQL | undefined> = [scope.where(enterprises.region)]
      if (query.region !== undefined) base.push(sql`${enterprises.region} = ${query.region}`)
      for (;;) {
        const page = await deps.database.db
          .select({ uscc: enterprises.uscc, data: enterprises.data })
          .from(enterprises)
          .where(and(...base, gt(enterprises.uscc, after)))
          .orderBy(asc(enterprises.uscc))
          .limit(5000)
        if (page.length === 0) break
        for (const p of page) list.push(p.data as Enterprise.Enterprise)
        after = page[page.length - 1]!.uscc
      }
      const rows = Roster.toRows(list, { headers: lang })
      const headers = Roster.templateRows(lang)[0]!
      const bytes = await writeRows(format, rows, headers)
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": MEDIA[format],
        "content-disposition": `attachment; filename="enterprises.${format}"`,
      })
    },
  }),
]
