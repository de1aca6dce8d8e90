import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { honoPath } from "../http/route.js"
import { openTestApp, type TestApp } from "../test-support/harness.js"

describe("OpenAPI document and /docs", () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp({ name: "pglite" })
  })
  afterAll(async () => {
    await t?.close()
  })

  it("describes every route of the table, with request schemas from the Effect schemas", async () => {
    const res = await t.call("GET", "/openapi.json")
    expect(res.status).toBe(200)
    const doc = (await res.json()) as {
      openapi: string
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> }
    }
    expect(doc.openapi).toBe("3.1.0")
    for (const r of t.routes) expect(doc.paths[r.path]?.[r.method], `${r.method} ${r.path}`).toBeDefined()
    // The enterprise body is the core Enterprise schema: its fields and the USCC pattern appear.
    const body = JSON.stringify(doc.paths["/enterprises"]!.post!.requestBody)
    const all = JSON.stringify(doc.components.schemas)
    expect(body + all).toContain("financials")
    expect(all).toContain("^[0-9A-HJ-NPQRTUWXY]{2}\\\\d{6}")
    expect(doc.components.schemas.Problem).toBeDefined()
  })

  it("registers each route under its Hono path", () => {
    expect(honoPath("/enterprises/{uscc}/financials/{year}")).toBe("/enterprises/:uscc/financials/:year")
  })

  it("serves the interactive reference with bundled assets (no CDN)", async () => {
    const html = await (await t.call("GET", "/docs")).text()
    expect(html).toContain("/docs/assets/swagger-ui-bundle.js")
    expect(html).not.toMatch(/https?:\/\//)
    const js = await t.call("GET", "/docs/assets/swagger-ui-bundle.js")
    expect(js.status).toBe(200)
    expect((await js.text()).length).toBeGreaterThan(100_000)
  })
})
