/**
 * The admin in a real browser against the real API: log in and read the dashboard (tier pyramid, target progress from
 * the demo observations, the roll-up), edit an enterprise (and be told when someone else saved first), import a file
 * with a bad row, run a screening and open one verdict's why, approve an award, and a district admin refused another
 * district's enterprise. Screenshots of the main pages go to apps/admin/screenshots/.
 */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import type { BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launch, SCREENSHOTS, startApi, token, type Api } from "./harness.js"

let api: Api
let browser: { context: BrowserContext; close: () => Promise<void> }
let page: Page

const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })
const get = async <A>(path: string, as: string): Promise<A> => {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${as}` } })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as A
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true })
  api = await startApi()
  browser = await launch()
  page = await browser.context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await api?.stop()
})

const number = (text: string | null): number => Number((text ?? "").replace(/[^\d.]/g, ""))

/** Waits for the dashboard's plan panels and checks they show numbers: the pyramid, target progress and the roll-up. */
const dashboardFilled = async () => {
  // The tier pyramid counts the demo population's titles: the base rung holds enterprises, and no rung is blank.
  const base = page.locator('table.pyramid tr[data-tier="innovative_sme"] td.holding')
  await base.waitFor({ timeout: 30_000 })
  expect(number(await base.textContent())).toBeGreaterThan(0)
  for (const cell of await page.locator("table.pyramid td.holding").allTextContents()) expect(cell).toMatch(/^[\d,]+$/)
  await page.locator("section[aria-labelledby=pyramid] figure.chart svg").waitFor({ timeout: 30_000 })
  // Target progress has a current value from the demo observations (the district's innovative SMEs at 2024 year end).
  const current = page.locator("section[aria-labelledby=targets] tbody tr").first().locator("td").nth(1)
  await expect.poll(() => current.textContent(), { timeout: 30_000 }).toMatch(/^\d+$/)
  // The roll-up of the districts against the city target fills in rather than staying on "loading".
  const rollup = page.locator("section[aria-labelledby=rollup]")
  await rollup.locator("tbody tr").first().waitFor({ timeout: 30_000 })
  expect(await rollup.textContent()).not.toContain("加载中")
  expect(await rollup.locator("tbody tr").count()).toBeGreaterThan(1)
}

describe("admin (Chromium, real API)", () => {
  it("refuses a wrong password with a readable message and keeps the username", async () => {
    await page.goto(api.url + "/")
    await page.getByLabel("用户名").fill("tongliang")
    await page.getByLabel("密码").fill("wrong-password")
    await page.getByRole("button", { name: "登录" }).click()
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("用户名或密码错误")
    expect(await page.getByLabel("用户名").inputValue()).toBe("tongliang")
  })

  it("logs in as the Tongliang district admin and shows the dashboard", async () => {
    await page.getByLabel("密码").fill("demo-tongliang")
    await page.getByRole("button", { name: "登录" }).click()
    await page.getByRole("heading", { name: "培育总览" }).waitFor()
    await page.getByRole("heading", { name: "各区县企业数" }).waitFor()
    await page.locator("figure.chart svg").first().waitFor({ timeout: 30_000 })
    // A district admin sees only its own district in the per-region chart's table.
    const regions = await page.locator("table.visually-hidden tbody th").allTextContents()
    expect(regions).toEqual(["铜梁区"])
    await dashboardFilled()
    await shot("dashboard")
  })

  it("searches and sorts the enterprise list and opens one enterprise", async () => {
    await page.goto(api.url + "/#/enterprises")
    await page.getByRole("table", { name: "企业库" }).waitFor()
    const total = await page.getByText(/^共 .* 条$/).textContent()
    expect(Number(total?.replace(/\D/g, ""))).toBeGreaterThan(100)
    await page.getByRole("button", { name: /企业名称/ }).click()
    await page.waitForURL(/sort=-name/)
    await page.getByRole("searchbox").fill("电子信息")
    await page.waitForURL(/q=/)
    await expect.poll(async () => (await page.getByRole("row").nth(1).textContent()) ?? "").toContain("电子信息")
    await shot("enterprises")
    await page.getByRole("row").nth(1).getByRole("link").click()
    await page.getByRole("heading", { name: "基本信息" }).waitFor()
    await shot("enterprise-detail")
  })

  it("edits an enterprise's profile and one financial year, and says so when someone else saved first", async () => {
    const t = await token(api.url, "tongliang", "demo-tongliang")
    const first = (await get<{ items: Array<{ uscc: string }> }>("/enterprises?limit=1&region=500151&sort=-name", t))
      .items[0]!.uscc
    const before = await get<{ enterprise: { name: string; financials: Array<{ year: number }> }; version: number }>(
      `/enterprises/${first}`,
      t,
    )
    await page.goto(`${api.url}/#/enterprises/${first}`)
    await page.getByRole("heading", { name: before.enterprise.name }).waitFor()

    // Profile: a bad date is named next to its field before anything is sent, then a new name is saved.
    await page.getByRole("button", { name: "编辑", exact: true }).click()
    await page.getByLabel("成立日期").fill("2020-02-30")
    await page.getByRole("button", { name: "保存" }).click()
    await page.locator("#ef-foundedOn-error").waitFor()
    await page.getByLabel("成立日期").fill("2012-05-08")
    const renamed = `${before.enterprise.name}（已更名）`
    await page.getByLabel("企业名称").fill(renamed)
    await page.getByRole("button", { name: "保存" }).click()
    await page.getByRole("heading", { name: renamed }).waitFor()
    const after = await get<{ enterprise: { name: string; foundedOn: string }; version: number }>(
      `/enterprises/${first}`,
      t,
    )
    expect(after.enterprise).toMatchObject({ name: renamed, foundedOn: "2012-05-08" })
    expect(after.version).toBe(before.version + 1)

    // A financial year: the new revenue shows in the table and is stored.
    const year = before.enterprise.financials.at(-1)!.year
    await page.getByRole("button", { name: `编辑 ${year} 年度` }).click()
    await page.getByLabel("营业收入（万元）").fill("12345.6")
    await page.getByRole("button", { name: "保存" }).click()
    await page.locator("tr", { hasText: "12,345.6" }).first().waitFor()
    const fin = await get<{ enterprise: { financials: Array<{ year: number; revenue: number }> } }>(
      `/enterprises/${first}`,
      t,
    )
    expect(fin.enterprise.financials.find((f) => f.year === year)?.revenue).toBe(12345.6)

    // Stale: the form is open at one version when a colleague saves another; saving says so and keeps the typing.
    await page.getByRole("button", { name: "编辑", exact: true }).click()
    const theirs = await get<{ enterprise: Record<string, unknown>; version: number }>(`/enterprises/${first}`, t)
    const put = await fetch(`${api.url}/enterprises/${first}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${t}`, "content-type": "application/json", "if-match": `"${theirs.version}"` },
      body: JSON.stringify({ ...theirs.enterprise, industry: "同事修改的行业" }),
    })
    expect(put.status).toBe(200)
    const mine = `${before.enterprise.name}（我的修改）`
    await page.getByLabel("企业名称").fill(mine)
    await page.getByRole("button", { name: "保存" }).click()
    const stale = page.getByText(/已被他人修改/)
    await stale.waitFor()
    expect(await stale.textContent()).toContain(`当前版本 ${theirs.version + 1}`)
    expect(await page.getByLabel("企业名称").inputValue()).toBe(mine)
    await shot("enterprise-edit-stale")
    // Reload the latest version and save again: now it goes through.
    await page.getByRole("button", { name: "重新载入最新版本" }).click()
    await stale.waitFor({ state: "detached" })
    expect(await page.getByLabel("企业名称").inputValue()).toBe(mine)
    await page.getByRole("button", { name: "保存" }).click()
    await page.getByRole("heading", { name: mine }).waitFor()
  })

  it("imports a file with a bad row: the error shows on its row, then the good rows commit", async () => {
    const t = await token(api.url, "tongliang", "demo-tongliang")
    const csv = await (
      await fetch(`${api.url}/exports/enterprises?format=csv&headers=zh&region=500151`, {
        headers: { authorization: `Bearer ${t}` },
      })
    ).text()
    const [head, good] = csv.replace(/^\uFEFF/, "").split(/\r?\n/)
    const cols = head!.split(",")
    const usccAt = cols.findIndex((c) => c.includes("统一社会信用代码"))
    expect(usccAt).toBeGreaterThanOrEqual(0)
    const bad = good!.split(",")
    bad[usccAt] = "91500151BADCODE12X"
    const file = [head, good, bad.join(",")].join("\r\n") + "\r\n"

    await page.goto(api.url + "/#/import")
    await page.getByRole("heading", { name: "名单导入" }).waitFor()
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(file) })
    const badRow = page.locator('tr[data-row="3"]')
    await badRow.waitFor()
    await expect.poll(() => badRow.getAttribute("class")).toContain("bad")
    expect(await badRow.textContent()).toContain("统一社会信用代码")
    expect(await page.locator('tr[data-row="2"]').getAttribute("class")).not.toContain("bad")
    await shot("import")
    expect(await page.getByRole("button", { name: "确认导入" }).isDisabled()).toBe(true)
    await page.getByLabel("有错误时整份文件不导入").uncheck()
    await page.getByRole("button", { name: "确认导入" }).click()
    await page.getByText(/已导入：新增 0，更新 1/).waitFor()
  })

  it("runs a screening, filters the results and opens one verdict's why with its trace", async () => {
    await page.goto(api.url + "/#/screening")
    await page.getByRole("heading", { name: "运行筛查" }).waitFor()
    await page.getByLabel("基准日期").fill("2025-13-40")
    await page.getByRole("button", { name: "运行筛查" }).click()
    await page.locator("#asOf-error").waitFor()
    await page.getByLabel("基准日期").fill("2025-06-30")
    await page.getByRole("button", { name: "运行筛查" }).click()
    await page.waitForURL(/#\/screening\/\d+$/, { timeout: 90_000 })
    await page.getByRole("heading", { name: /筛查结果/ }).waitFor()
    await page.getByLabel("结论").selectOption("eligible")
    await page.waitForURL(/verdict=eligible/)
    await page.locator("td .badge.eligible").first().waitFor()
    await shot("screening-results")
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出 XLSX" }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^screening-\d+\.xlsx$/)
    await page.getByTestId("why").first().click()
    await page.getByRole("heading", { name: "判定过程（逐条款）" }).waitFor()
    expect(await page.locator(".trace .node").count()).toBeGreaterThan(1)
    // Values read as people write them (8.04%, 3182.8万元), never as raw floats such as 0.30000000000000004.
    const values = await page.locator(".trace .value").allTextContents()
    expect(values.length).toBeGreaterThan(0)
    for (const v of values) expect(v).not.toMatch(/\d\.\d{5,}/)
    expect(values.join(" ")).toMatch(/%|万元/)
    // The trace quotes the clause's original sentence.
    await page.locator(".trace details summary").first().click()
    expect((await page.locator(".trace blockquote").first().textContent())?.length).toBeGreaterThan(5)
    await shot("decision-why")
    // The dashboard now shows this run's verdicts and near misses.
    await page.goto(api.url + "/#/")
    await page.getByRole("heading", { name: "临界企业（差一点达标）" }).waitFor()
    await page.locator("figure.chart svg").nth(1).waitFor({ timeout: 30_000 })
    await dashboardFilled()
    await shot("dashboard")
  })

  it("creates a claim from an enterprise's entitlements and approves it", async () => {
    const t = await token(api.url, "tongliang", "demo-tongliang")
    const list = await get<{ items: Array<{ uscc: string }> }>("/enterprises?limit=200&region=500151", t)
    let uscc: string | undefined
    for (const e of list.items) {
      const ent = await get<{ items: Array<unknown> }>(
        `/enterprises/${e.uscc}/entitlements?pack=cq-tongliang-2022&asOf=2025-06-30`,
        t,
      )
      if (ent.items.length > 0) {
        uscc = e.uscc
        break
      }
    }
    expect(uscc).toBeDefined()
    await page.goto(api.url + "/#/awards?pack=cq-tongliang-2022&asOf=2025-06-30")
    await page.getByRole("heading", { name: "按资格生成申领" }).waitFor()
    await page.getByLabel("统一社会信用代码").fill(uscc!)
    await page.getByRole("button", { name: "按资格生成申领" }).click()
    const row = page.locator("tr", { hasText: uscc! }).first()
    await row.waitFor()
    await shot("awards")
    await row.getByRole("button", { name: "审批通过" }).click()
    await expect.poll(() => page.locator("tr", { hasText: uscc! }).count()).toBe(0)
    await page.getByRole("button", { name: "已批准" }).click()
    await page.locator("tr", { hasText: uscc! }).first().waitFor()
    expect(await page.locator("tr", { hasText: uscc! }).first().textContent()).toContain("已批准")
    // Tongliang's awards name no amount (the source leaves it open): the approved claim says so rather than offer a
    // payment the API would refuse (409).
    const approved = page.locator("tr", { hasText: uscc! }).first()
    expect(await approved.getByRole("button", { name: "登记拨付" }).count()).toBe(0)
    expect(await approved.textContent()).toContain("无可拨付金额")
  })

  it("shows the problem ledger with translated headers, formatted values and the demo problems", async () => {
    await page.goto(api.url + "/#/problems")
    const ledger = page.getByRole("table", { name: "问题台账" })
    await ledger.locator("tbody tr").first().waitFor()
    const headers = (await ledger.locator("thead th").allTextContents()).map((h) => h.trim())
    expect(headers).toEqual(expect.arrayContaining(["企业", "问题类别", "责任单位", "办结期限", "状态"]))
    for (const raw of ["problem", "region", "version", "dueOn", "unit"]) expect(headers).not.toContain(raw)
    const demo = ledger.locator("tbody tr", { hasText: "演示·" })
    expect(await demo.count()).toBeGreaterThan(0)
    // The district's own unit by name (not its id), and no JSON in any cell.
    await expect.poll(() => ledger.locator("tbody").textContent(), { timeout: 15_000 }).not.toMatch(/tl-[a-z]+/)
    expect(await ledger.locator("tbody").textContent()).toMatch(/区.{1,8}(委|局)/)
    expect(await ledger.locator("tbody").textContent()).not.toMatch(/[{}]/)
    await shot("problems")
  })

  it("refuses a district admin another district's enterprise", async () => {
    const admin = await token(api.url, "admin", "demo-admin")
    const shizhu = await get<{ items: Array<{ uscc: string }> }>("/enterprises?limit=1&region=500240", admin)
    const other = shizhu.items[0]!.uscc
    await page.goto(`${api.url}/#/enterprises/${other}`)
    const alert = page.getByRole("alert").first()
    await alert.waitFor()
    expect(await alert.textContent()).toContain(other)
    expect(await page.getByRole("heading", { name: "基本信息" }).count()).toBe(0)
    await shot("refused")
  })

  it("switches to English and shows the tasks matrix and packs", async () => {
    await page.getByRole("button", { name: "切换语言" }).click()
    await page.goto(api.url + "/#/tasks")
    await page.getByRole("heading", { name: "Responsibility matrix (unit × clause)" }).waitFor()
    await page.locator("table.matrix").waitFor()
    await shot("tasks")
    await page.goto(api.url + "/#/packs?pack=cq-tongliang-2022&against=cq-shizhu-2022@0.1.0")
    await page.getByRole("heading", { name: /Compare two packs/ }).waitFor()
    await page.locator("blockquote").first().waitFor()
    await shot("packs", false)
  })

  it("offers a viewer no import page and no screening run", async () => {
    await page.getByRole("button", { name: "Log out" }).click()
    await page.getByLabel("Username").fill("viewer")
    await page.getByLabel("Password").fill("demo-viewer")
    await page.getByRole("button", { name: "Log in" }).click()
    const nav = page.getByRole("navigation", { name: "main" })
    await nav.getByRole("link", { name: "Enterprises" }).waitFor()
    expect(await nav.getByRole("link", { name: "Import" }).count()).toBe(0)
    await page.goto(api.url + "/#/import")
    await page.getByText("Your account may not open this page").waitFor()
    await page.goto(api.url + "/#/screening")
    await page.getByRole("heading", { name: "Screenings" }).waitFor()
    expect(await page.getByRole("button", { name: "Run screening" }).count()).toBe(0)
    // The audit log is for admins (the API answers a viewer 403): not offered.
    expect(await nav.getByRole("link", { name: "Audit log" }).count()).toBe(0)
  })

  it("lists every enterprise past the API's count cap (1,000), not just the first 1,000", async () => {
    // The viewer sees the whole demo population (1,200): the API counts to 1,000 and says it stopped there.
    await page.goto(api.url + "/#/enterprises")
    const table = page.getByRole("table", { name: "Enterprises" })
    await table.waitFor()
    await page.getByText("at least 1,000 (scroll for more)").waitFor()
    await table.getByRole("row").nth(1).focus()
    await expect
      .poll(
        async () => {
          await page.keyboard.press("End")
          return page.getByText(/^[\d,]+ in all$/).count()
        },
        { timeout: 30_000 },
      )
      .toBe(1)
    expect(await page.getByText(/^[\d,]+ in all$/).textContent()).toBe("1,200 in all")
  })
})
