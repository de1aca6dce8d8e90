/**
 * The OpenAPI 3.1 document, generated from the route table and the same Effect schemas that decode requests, and
 * an interactive reference at `/docs` (Swagger UI, its assets served from the npm package, so it works offline).
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { JSONSchema, Schema, SchemaAST as AST } from "effect"
import type { Hono } from "hono"
import { route, type AnyRoute } from "../http/route.js"

type Json = Record<string, unknown>

const Problem = Schema.Struct({
  type: Schema.String,
  title: Schema.String,
  status: Schema.Int,
  detail: Schema.String,
  detailZh: Schema.String,
  instance: Schema.String,
  errors: Schema.optional(
    Schema.Array(
      Schema.Struct({
        pointer: Schema.optional(Schema.String),
        at: Schema.optional(Schema.String),
        row: Schema.optional(Schema.Int),
        column: Schema.optional(Schema.String),
        message: Schema.Struct({ zh: Schema.String, en: Schema.String }),
      }),
    ),
  ),
}).annotations({ identifier: "Problem", description: "RFC 9457 problem details, with field paths or file rows" })

const ACCESS: Record<AnyRoute["access"], string> = {
  public: "Public.",
  read: "Any signed-in role; results limited to the caller's regions.",
  write: "Municipal or district admin; limited to the caller's regions.",
  unit: "Admins, or a unit officer for their own unit.",
  municipal: "Municipal admin only.",
}

/** Builds the OpenAPI 3.1 document of a route table. */
export const openApiDocument = (routes: ReadonlyArray<AnyRoute>): Json => {
  const definitions: Record<string, JSONSchema.JsonSchema7> = {}
  const schemaOf = (ast: AST.AST): Json => {
    try {
      return JSONSchema.fromAST(ast, {
        definitions,
        definitionPath: "#/components/schemas/",
        target: "openApi3.1",
      }) as unknown as Json
    } catch {
      // A few recursive or transformed schemas have no JSON Schema form; describe them loosely.
      return { description: String(ast) }
    }
  }
  const paths: Record<string, Record<string, Json>> = {}
  for (const r of routes) {
    const parameters: Array<Json> = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }))
    if (r.query !== undefined) {
      const encoded = AST.encodedAST(r.query.ast)
      if (AST.isTypeLiteral(encoded))
        for (const ps of encoded.propertySignatures)
          parameters.push({ name: String(ps.name), in: "query", required: !ps.isOptional, schema: schemaOf(ps.type) })
    }
    if (r.ifMatch === true)
      parameters.push({
        name: "If-Match",
        in: "header",
        required: true,
        description: "The ETag (version) read with GET",
        schema: { type: "string" },
      })
    const status = String(r.status ?? 200)
    const ok: Json =
      r.produces !== undefined
        ? {
            description: "A file",
            content: Object.fromEntries(
              r.produces.map((m) => [m.split(";")[0], { schema: { type: "string", format: "binary" } }]),
            ),
          }
        : status === "204"
          ? { description: "No content" }
          : {
              description: "OK",
              content: { "application/json": { schema: r.response !== undefined ? schemaOf(r.response.ast) : {} } },
            }
    const op: Json = {
      operationId: `${r.method}${r.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
      tags: [r.tag],
      summary: r.summary,
      description: [r.description, ACCESS[r.access]].filter(Boolean).join("\n\n"),
      parameters,
      responses: {
        [status]: ok,
        default: {
          description: "A problem (4xx or 5xx)",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
      ...(r.access === "public" ? { security: [] } : {}),
    }
    if (r.body !== undefined)
      op.requestBody = { required: true, content: { "application/json": { schema: schemaOf(r.body.ast) } } }
    if (r.upload === true)
      op.requestBody = {
        required: true,
        content: {
          "text/csv": { schema: { type: "string" } },
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
            schema: { type: "string", format: "binary" },
          },
        },
      }
    ;(paths[r.path] ??= {})[r.method] = op
  }
  schemaOf(Problem.ast)
  return {
    openapi: "3.1.0",
    info: {
      title: "SRDI API — 专精特新企业培育政策即代码",
      version: "0.1.0",
      description:
        "Reference API over @srdi/core and the bundled policy packs. Log in with POST /auth/login and send the token as `Authorization: Bearer <token>` (or use the session cookie). Errors are RFC 9457 problem details naming the field or file row, in Chinese and English.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { cookie: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        cookie: { type: "apiKey", in: "cookie", name: "srdi_session" },
      },
      schemas: definitions,
    },
    paths,
  }
}

/** The route serving the document (it is part of the table it describes). */
export const openApiRoutes = (table: () => ReadonlyArray<AnyRoute>) => {
  let cached: Json | undefined
  return [
    route({
      method: "get",
      path: "/openapi.json",
      tag: "system",
      summary: "This OpenAPI 3.1 document",
      access: "public",
      response: Schema.Unknown,
      handler: async ({ c }) => c.json((cached ??= openApiDocument(table()))),
    }),
  ]
}

const require = createRequire(import.meta.url)

/** Mounts Swagger UI at /docs, with its files from the swagger-ui-dist package. */
export const mountDocs = (app: Hono): void => {
  const dir = dirname(require.resolve("swagger-ui-dist/package.json"))
  const assets: Record<string, { file: string; type: string }> = {
    "swagger-ui.css": { file: "swagger-ui.css", type: "text/css; charset=utf-8" },
    "swagger-ui-bundle.js": { file: "swagger-ui-bundle.js", type: "text/javascript; charset=utf-8" },
    "swagger-ui-standalone-preset.js": {
      file: "swagger-ui-standalone-preset.js",
      type: "text/javascript; charset=utf-8",
    },
    "init.js": { file: "", type: "text/javascript; charset=utf-8" },
  }
  const init = `window.onload = () => { window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#ui", deepLinking: true, persistAuthorization: true, withCredentials: true, presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: "StandaloneLayout" }) }`
  const cache = new Map<string, string>()
  app.get("/docs/assets/:name", (c) => {
    const name = c.req.param("name")
    const a = assets[name]
    if (a === undefined) return c.notFound()
    const body =
      name === "init.js"
        ? init
        : (cache.get(name) ?? cache.set(name, readFileSync(join(dir, a.file), "utf8")).get(name)!)
    return c.body(body, 200, { "content-type": a.type, "cache-control": "public, max-age=3600" })
  })
  app.get("/docs", (c) =>
    c.html(`<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>SRDI API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/docs/assets/init.js"></script></body></html>`),
  )
}
