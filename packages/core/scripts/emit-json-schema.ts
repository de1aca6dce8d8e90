/**
 * Writes schema/<name>.schema.json for each pack file — pack.yaml (the metadata) and every list file — from the
 * same Effect schemas that decode them, so an editor completes and checks fields as the build would.
 * Run by `pnpm build` after tsup.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { JSONSchema, Schema, SchemaAST } from "effect"
import { Meta } from "../src/Pack.js"
import { itemSchemas } from "../src/PackSource.js"
import { Node } from "../src/Rule.js"

// The recursive rule-node schema is one suspended schema shared by every reference; JSON Schema needs a name for it
// to emit a $ref. Name it here, for this process only, rather than asking Rule.ts to carry an annotation for us.
if (SchemaAST.getIdentifierAnnotation(Node.ast)._tag === "None")
  Object.assign(Node.ast, {
    annotations: { ...Node.ast.annotations, [SchemaAST.IdentifierAnnotationId]: "RuleNode" },
  })

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "schema")
mkdirSync(out, { recursive: true })

const DESCRIPTIONS: Record<string, string> = {
  pack: "pack/pack.yaml — the metadata of an SRDI policy pack: the document it encodes, issuer, 文号, period, region, status, extends",
  regions: "pack/regions.yaml — administrative regions (GB/T 2260 codes) the pack declares",
  units: "pack/units.yaml — government units (departments) that lead or cooperate on tasks and pay awards",
  targets: "pack/targets.yaml — development targets: metric, comparator, value, deadline, region, 力争 or binding",
  tasks:
    "pack/tasks.yaml — numbered tasks (重点任务) and safeguard measures (保障措施) with lead (牵头) and cooperating (配合) units",
  rules: "pack/rules.yaml — eligibility and scoring rules as trees of nodes with dated thresholds",
  awards: "pack/awards.yaml — awards: trigger, amount (fixed, staged, share, points, unspecified), stacking, payer",
  pools: "pack/pools.yaml — pools (培育库, 帮扶库...): entry rule, yearly quota, exit policy",
  gaps: "pack/gaps.yaml — where the source is missing, garbled, duplicated or silent; recorded instead of invented",
  tests: "tests/*.yaml — test cases: an enterprise, a date, a rule and the expected verdict, score or awards",
}

const write = (name: string, schema: Schema.Schema.AnyNoContext) => {
  const json = JSONSchema.make(schema)
  const document = {
    $id: `https://srdi.invalid/schema/${name}.schema.json`,
    ...json,
    title: name,
    description: DESCRIPTIONS[name],
  }
  writeFileSync(join(out, `${name}.schema.json`), `${JSON.stringify(document, null, 2)}\n`)
}

write("pack", Meta)
for (const [name, item] of Object.entries(itemSchemas)) write(name, Schema.Array(item as Schema.Schema.AnyNoContext))
console.log(`wrote ${Object.keys(itemSchemas).length + 1} JSON Schemas to ${out}`)
