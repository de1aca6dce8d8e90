// Writes the reference pages before the site build: reference/sdk/<Module>.md from the doc comments of
// packages/core/src/*.ts (read with the TypeScript compiler API), and reference/rest.md from the API's OpenAPI
// document (built from the API's own route table, the one /openapi.json serves). Both are gitignored.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import ts from "typescript"

const docs = join(dirname(fileURLToPath(import.meta.url)), "..")
const repo = join(docs, "..")
const coreSrc = join(repo, "packages/core/src")
const sdkOut = join(docs, "reference/sdk")

interface Entry {
  readonly name: string
  readonly kind: string
  readonly doc: string
  readonly since: string | undefined
  readonly category: string
  readonly examples: ReadonlyArray<string>
  readonly signature: string
}

// Comment parts: plain text, or {@link X} nodes whose target is in `name` (kept as code, so the prose reads whole).
const partsText = (comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string =>
  typeof comment === "string"
    ? comment
    : (comment ?? [])
        .map((c) =>
          ts.isJSDocLink(c) || ts.isJSDocLinkCode(c) || ts.isJSDocLinkPlain(c)
            ? `\`${c.name?.getText() ?? ""}${c.text === "" ? "" : ` ${c.text.trim()}`}\``
            : c.text,
        )
        .join("")

const tagText = (tag: ts.JSDocTag): string => partsText(tag.comment)

// {@link X} → `X`, so the prose reads well outside an editor.
const prose = (s: string): string => s.replace(/\{@link\s+([^}\s]+)(?:\s+([^}]+))?\}/g, (_, a, b) => `\`${b ?? a}\``)

const commentOf = (node: ts.Node) => {
  const jsdoc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)
  const last = jsdoc[jsdoc.length - 1]
  if (last === undefined) return { doc: "", tags: [] as ReadonlyArray<ts.JSDocTag> }
  const doc = partsText(last.comment)
  return { doc, tags: last.tags ?? [] }
}

// The declaration as a reader needs it: a function's parameters and result, an interface or type in full, a
// schema's definition (its fields are the contract) cut to a readable length.
const signatureOf = (node: ts.Node, source: ts.SourceFile): string => {
  if (ts.isVariableStatement(node)) {
    const d = node.declarationList.declarations[0]!
    const init = d.initializer
    const type = d.type !== undefined ? `: ${d.type.getText(source)}` : ""
    if (init !== undefined && ts.isArrowFunction(init)) {
      const params = init.parameters.map((p) => p.getText(source)).join(", ")
      const ret = init.type !== undefined ? `: ${init.type.getText(source)}` : ""
      const tparams =
        init.typeParameters !== undefined ? `<${init.typeParameters.map((t) => t.getText(source)).join(", ")}>` : ""
      return `const ${d.name.getText(source)}${type} = ${tparams}(${params})${ret} => …`
    }
    const text = `const ${d.name.getText(source)}${type} = ${init?.getText(source) ?? ""}`
    const lines = text.split("\n")
    return lines.length > 40 ? [...lines.slice(0, 40), "  // …"].join("\n") : text
  }
  if (ts.isClassDeclaration(node)) {
    const text = node.getText(source)
    const brace = text.indexOf("{", text.indexOf(">")) // the class body after the tagged error's fields
    return brace > 0 ? `${text.slice(0, brace)}{ … }` : text
  }
  return node
    .getText(source)
    .replace(/^\/\*\*[\s\S]*?\*\/\s*/, "")
    .trim()
}

const KINDS: Record<number, string> = {
  [ts.SyntaxKind.VariableStatement]: "const",
  [ts.SyntaxKind.InterfaceDeclaration]: "interface",
  [ts.SyntaxKind.TypeAliasDeclaration]: "type",
  [ts.SyntaxKind.ClassDeclaration]: "class",
  [ts.SyntaxKind.FunctionDeclaration]: "function",
}

const exported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

const nameOf = (node: ts.Node): string | undefined => {
  if (ts.isVariableStatement(node)) return node.declarationList.declarations[0]?.name.getText()
  if (
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isFunctionDeclaration(node)
  )
    return node.name?.getText()
  return undefined
}

const modules = readdirSync(coreSrc)
  .filter((f) => /^[A-Z]\w*\.ts$/.test(f))
  .sort()

rmSync(sdkOut, { recursive: true, force: true })
mkdirSync(sdkOut, { recursive: true })
const index: Array<string> = []
let undocumented = 0
for (const file of modules) {
  const moduleName = basename(file, ".ts")
  const text = readFileSync(join(coreSrc, file), "utf8")
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const header = /^\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? ""
  const intro = header
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, ""))
    .filter((l) => !l.startsWith("@"))
    .join("\n")
    .trim()
  const entries: Array<Entry> = []
  for (const node of source.statements) {
    if (!exported(node) || KINDS[node.kind] === undefined) continue
    const name = nameOf(node)
    if (name === undefined) continue
    const { doc, tags } = commentOf(node)
    const tag = (t: string) => tags.filter((x) => x.tagName.text === t).map(tagText)
    if (doc === "" && tag("since").length === 0) undocumented++
    entries.push({
      name,
      kind: KINDS[node.kind]!,
      doc: prose(doc.trim()),
      since: tag("since")[0]?.trim(),
      category: tag("category")[0]?.trim() ?? "other",
      examples: tag("example").map((e) => e.trim()),
      signature: signatureOf(node, source),
    })
  }
  // A schema and the type of the same name are one entry: the type line joins the schema's.
  const merged = new Map<string, Entry>()
  for (const e of entries) {
    const seen = merged.get(e.name)
    if (seen === undefined) merged.set(e.name, e)
    else merged.set(e.name, { ...seen, signature: `${seen.signature}\n\n${e.signature}`, doc: seen.doc || e.doc })
  }
  const byCategory = new Map<string, Array<Entry>>()
  for (const e of merged.values()) byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), e])

  const out: Array<string> = [
    `# ${moduleName}`,
    "",
    "<!-- Generated by docs/scripts/gen-reference.ts from the doc comments of packages/core/src. Do not edit. -->",
    "",
    "```ts nocheck",
    `import { ${moduleName} } from "@srdi/core"`,
    "```",
    "",
    prose(intro),
    "",
  ]
  for (const [category, list] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`## ${category}`, "")
    for (const e of list) {
      out.push(`### ${e.name}`, "")
      if (e.doc !== "") out.push(e.doc, "")
      // Signatures are fragments, not programs: fenced nocheck so the snippet checker skips them.
      out.push("```ts nocheck", e.signature, "```", "")
      for (const ex of e.examples) out.push("Example:", "", "```ts nocheck", ex, "```", "")
      if (e.since !== undefined) out.push(`<small>since ${e.since}</small>`, "")
    }
  }
  writeFileSync(join(sdkOut, `${moduleName}.md`), out.join("\n"))
  index.push(`| [${moduleName}](./${moduleName}.md) | ${prose(intro.split("\n\n")[0]!.replace(/\n/g, " "))} |`)
}
writeFileSync(
  join(sdkOut, "index.md"),
  [
    "# SDK reference (`@srdi/core`)",
    "",
    "<!-- Generated by docs/scripts/gen-reference.ts. Do not edit. -->",
    "",
    "Generated from the doc comments of `packages/core/src` on every docs build. Each module is a namespace of the",
    'package: `import { Rule, Enterprise } from "@srdi/core"`. The [concepts](../../concepts/index.md) pages show them at work.',
    "",
    "| module | what it is |",
    "|---|---|",
    ...index,
    "",
  ].join("\n"),
)
console.log(
  `reference: ${modules.length} SDK modules${undocumented > 0 ? ` (${undocumented} exports without a doc comment)` : ""}`,
)

// ---- REST reference from the OpenAPI document -------------------------------------------------------------------
type Json = Record<string, unknown>
// The API's own modules, run from source by tsx (the API is an app, not a library: its dist has no route table).
const apiModule = (path: string) => import(pathToFileURL(join(repo, "apps/api/src", path)).href)
const { allRoutes } = (await apiModule("routes/index.ts")) as {
  allRoutes: (table: () => ReadonlyArray<unknown>) => Array<unknown>
}
const { openApiDocument } = (await apiModule("routes/openapi.ts")) as {
  openApiDocument: (routes: ReadonlyArray<unknown>) => Json
}
const table: Array<unknown> = allRoutes(() => table)
const api = openApiDocument(table) as {
  info: { title: string; version: string; description: string }
  paths: Record<string, Record<string, Json>>
  components: { schemas: Record<string, Json> }
}
mkdirSync(join(docs, "public"), { recursive: true })
writeFileSync(join(docs, "public/openapi.json"), JSON.stringify(api, null, 2))

const refName = (schema: unknown): string => {
  if (schema === undefined || schema === null || typeof schema !== "object") return "—"
  const s = schema as Json
  if (typeof s.$ref === "string") return `\`${s.$ref.split("/").pop()}\``
  if (s.type === "array") return `array of ${refName(s.items)}`
  if (typeof s.type === "string") return `\`${s.type}\``
  return "object"
}
// Table cells and prose: pipes split cells, < opens HTML, and braces would be read as attributes or Vue templates.
const esc = (s: string) =>
  s.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\{/g, "&#123;").replace(/\}/g, "&#125;")
const tags = new Map<string, Array<{ method: string; path: string; op: Json }>>()
for (const [path, ops] of Object.entries(api.paths))
  for (const [method, op] of Object.entries(ops)) {
    const tag = ((op.tags as Array<string> | undefined) ?? ["other"])[0]!
    tags.set(tag, [...(tags.get(tag) ?? []), { method, path, op }])
  }
const rest: Array<string> = [
  "# REST reference",
  "",
  "<!-- Generated by docs/scripts/gen-reference.ts from the API's OpenAPI document. Do not edit. -->",
  "",
  `${api.info.title}, version ${api.info.version}.`,
  "",
  api.info.description,
  "",
  "A running server serves the same document at `/openapi.json` and an interactive reference at `/docs`; the",
  "document this page was built from is published with the site as [/openapi.json](/openapi.json).",
  "",
]
const guides = existsSync(join(docs, "api"))
  ? readdirSync(join(docs, "api"))
      .filter((f) => f.endsWith(".md"))
      .sort()
  : []
if (guides.length > 0) rest.push("Guides: " + guides.map((f) => `[${basename(f, ".md")}](../api/${f})`).join(" · "), "")
for (const [tag, ops] of [...tags].sort(([a], [b]) => a.localeCompare(b))) {
  rest.push(`## ${tag}`, "", "| method | path | summary | access |", "|---|---|---|---|")
  for (const { method, path, op } of ops)
    rest.push(
      `| ${method.toUpperCase()} | \`${path}\` | ${esc(String(op.summary ?? ""))} | ${esc(String(op.description ?? ""))} |`,
    )
  rest.push("")
  for (const { method, path, op } of ops) {
    rest.push(`### \`${method.toUpperCase()} ${path}\``, "", esc(String(op.summary ?? "")), "")
    const params = (op.parameters as Array<Json> | undefined) ?? []
    if (params.length > 0) {
      rest.push("| parameter | in | required | type |", "|---|---|---|---|")
      for (const p of params)
        rest.push(
          `| \`${String(p.name)}\` | ${String(p.in)} | ${p.required === true ? "yes" : "no"} | ${refName(p.schema)} |`,
        )
      rest.push("")
    }
    const body = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content
    if (body !== undefined)
      for (const [type, c] of Object.entries(body)) rest.push(`Request body (\`${type}\`): ${refName(c.schema)}`, "")
    const responses =
      (op.responses as Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>) ?? {}
    rest.push("| status | description | body |", "|---|---|---|")
    for (const [status, r] of Object.entries(responses)) {
      const content = Object.entries(r.content ?? {})
        .map(([type, c]) => `${refName(c.schema)} (\`${type}\`)`)
        .join(", ")
      rest.push(`| ${status} | ${esc(r.description ?? "")} | ${content || "—"} |`)
    }
    rest.push("")
  }
}
rest.push("## Schemas", "", "The request and response bodies, as JSON Schema (OpenAPI 3.1).", "")
for (const [name, schema] of Object.entries(api.components.schemas).sort(([a], [b]) => a.localeCompare(b)))
  rest.push(
    `### ${name}`,
    "",
    "```json",
    JSON.stringify(schema, null, 2).split("\n").slice(0, 60).join("\n"),
    "```",
    "",
  )
writeFileSync(join(docs, "reference/rest.md"), rest.join("\n"))
console.log(`reference: ${Object.keys(api.paths).length} REST paths`)
