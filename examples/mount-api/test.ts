// Calls the host app in-process (app.request) and checks the mounted API answers under its prefix.
import assert from "node:assert/strict"
import { buildHost } from "./host.js"

const { app, database } = await buildHost()
try {
  // The host's own route still works.
  assert.match(await (await app.request("/")).text(), /mounted at \/srdi/)

  const health = await app.request("/srdi/health")
  assert.equal(health.status, 200)
  assert.deepEqual(((await health.json()) as { status: string; storage: string }).storage, "pglite")

  const openapi = (await (await app.request("/srdi/openapi.json")).json()) as {
    openapi: string
    paths: Record<string, unknown>
  }
  assert.match(openapi.openapi, /^3\.1/)
  assert.ok("/enterprises" in openapi.paths)

  // Protected routes answer 401 with a problem document in both languages.
  const denied = await app.request("/srdi/regions")
  assert.equal(denied.status, 401)
  assert.match(denied.headers.get("content-type") ?? "", /problem\+json/)

  // Log in with a demo login and read the regions through the mount.
  const login = await app.request("/srdi/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "tongliang", password: "demo-tongliang" }),
  })
  assert.equal(login.status, 200)
  const { token } = (await login.json()) as { token: string }
  const regions = await app.request("/srdi/regions", { headers: { authorization: `Bearer ${token}` } })
  assert.equal(regions.status, 200)
  assert.match(await regions.text(), /500151/)

  // Unknown paths under the prefix get the API's own 404 problem.
  assert.equal((await app.request("/srdi/no-such-route")).status, 404)
  console.log(`mount-api: ${Object.keys(openapi.paths).length} API paths answer under /srdi inside the host app — ok`)
} finally {
  await database.close()
}
