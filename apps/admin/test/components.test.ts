import { fireEvent, render, screen, waitFor } from "@testing-library/svelte"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import VerdictBadge from "../src/lib/components/VerdictBadge.svelte"
import Why from "../src/lib/components/Why.svelte"
import TierPyramid from "../src/routes/dashboard/TierPyramid.svelte"
import EnterpriseForm from "../src/routes/enterprises/EnterpriseForm.svelte"
import FinancialYearForm from "../src/routes/enterprises/FinancialYearForm.svelte"
import FieldHost from "./fixtures/FieldHost.svelte"
import TableHost from "./fixtures/TableHost.svelte"

// Seed 000 (重庆市铜梁区), clause 二（一）1, as the packs cite it.
const CITE = {
  source: "000_d71d90c544c9bbc9.txt",
  clause: "二（一）1",
  text: "对首次认定为市级“专精特新”、国家专精特新“小巨人”企业给予奖励。",
}

const rows = Array.from({ length: 10_000 }, (_, i) => ({
  uscc: `91500151MA${String(i).padStart(8, "0")}`,
  name: `演示·重庆市铜梁区某某精密制造股份有限公司第${i + 1}号生产基地（有限合伙）`,
}))

describe("VirtualTable", () => {
  it("puts only a window of 10,000 rows in the DOM and announces the full count", () => {
    render(TableHost, { rows, onsort: () => {}, onopen: () => {} })
    const table = screen.getByRole("table", { name: "企业库" })
    expect(table.getAttribute("aria-rowcount")).toBe("10001")
    const bodyRows = screen.getAllByRole("row").length - 1
    expect(bodyRows).toBeGreaterThan(5)
    expect(bodyRows).toBeLessThan(40)
    expect(screen.getByText(rows[0]!.name)).toBeTruthy()
    expect(screen.queryByText(rows[9_999]!.name)).toBeNull()
  })

  it("sorts by a header (ascending, then descending) and reports it with aria-sort", async () => {
    const onsort = vi.fn()
    const { rerender } = render(TableHost, { rows: rows.slice(0, 3), onsort, onopen: () => {}, sort: "name" })
    const header = screen.getByRole("columnheader", { name: /企业名称/ })
    expect(header.getAttribute("aria-sort")).toBe("ascending")
    await fireEvent.click(screen.getByRole("button", { name: /企业名称/ }))
    expect(onsort).toHaveBeenCalledWith("-name")
    await rerender({ rows: rows.slice(0, 3), onsort, onopen: () => {}, sort: "-name" })
    expect(screen.getByRole("columnheader", { name: /企业名称/ }).getAttribute("aria-sort")).toBe("descending")
    expect(screen.getByRole("columnheader", { name: "统一社会信用代码" }).getAttribute("aria-sort")).toBeNull()
  })

  it("moves between rows with the arrow keys and opens one with Enter", async () => {
    const onopen = vi.fn()
    render(TableHost, { rows: rows.slice(0, 50), onsort: () => {}, onopen })
    const first = screen.getAllByRole("row")[1]!
    expect(first.getAttribute("tabindex")).toBe("0")
    await fireEvent.keyDown(first, { key: "ArrowDown" })
    await fireEvent.keyDown(first, { key: "ArrowDown" })
    await fireEvent.keyDown(first, { key: "Enter" })
    expect(onopen).toHaveBeenCalledWith(rows[2])
  })

  it("keeps the keyboard in the table after End jumps past the rendered window", async () => {
    render(TableHost, { rows, onsort: () => {}, onopen: () => {} })
    const first = screen.getAllByRole("row")[1]!
    first.focus()
    await fireEvent.keyDown(first, { key: "End" })
    await waitFor(() => expect(document.activeElement?.getAttribute("data-index")).toBe(String(rows.length - 1)))
    expect(document.activeElement?.textContent).toContain(rows[rows.length - 1]!.name)
  })
})

describe("Field", () => {
  it("shows the message next to the input and links it for screen readers", () => {
    render(FieldHost, { error: "应为 YYYY-MM-DD 格式的日期" })
    const input = screen.getByLabelText("基准日期")
    expect(input.getAttribute("aria-invalid")).toBe("true")
    expect(input.getAttribute("aria-describedby")).toBe("asOf-error")
    expect(screen.getByRole("alert").textContent).toBe("应为 YYYY-MM-DD 格式的日期")
  })

  it("has no message and no invalid state when the value is fine", () => {
    render(FieldHost, {})
    expect(screen.getByLabelText("基准日期").getAttribute("aria-invalid")).toBe("false")
    expect(screen.queryByRole("alert")).toBeNull()
  })
})

describe("VerdictBadge", () => {
  it("names the verdict in Chinese by default", () => {
    render(VerdictBadge, { verdict: "needs_review" })
    expect(screen.getByText("待复核").className).toContain("needs_review")
  })
})

describe("Why", () => {
  it("shows the reasons, the missing inputs and each trace node with its clause and original sentence", () => {
    render(Why, {
      reasons: {
        zh: ["首次认定为市级专精特新企业（2024-01-20）"],
        en: ["first recognised as a municipal SRDI SME (2024-01-20)"],
      },
      evaluation: {
        rule: "tl-first-srdi-sme",
        asOf: "2025-06-30",
        verdict: "needs_review",
        trace: [
          { id: "root", kind: "all", depth: 0, outcome: "review", label: { zh: "全部满足", en: "all of" }, cite: CITE },
          {
            id: "title",
            kind: "title",
            depth: 1,
            outcome: "pass",
            label: { zh: "持有市级专精特新称号", en: "holds srdi_sme" },
            cite: CITE,
            value: true,
          },
        ],
        missing: ["financials[2024].revenue"],
        distance: 0,
        nearMiss: false,
        reasons: { zh: [], en: [] },
      },
    })
    expect(screen.getByText("首次认定为市级专精特新企业（2024-01-20）")).toBeTruthy()
    expect(screen.getByText("financials[2024].revenue")).toBeTruthy()
    expect(screen.getAllByText(`${CITE.clause} · ${CITE.source}`)).toHaveLength(2)
    expect(screen.getAllByText(CITE.text)[0]!.tagName).toBe("BLOCKQUOTE")
  })
})

describe("Why: trace values", () => {
  const node = (over: Record<string, unknown>) => ({
    id: "n",
    kind: "compare",
    depth: 0,
    outcome: "fail",
    label: { zh: "研发投入强度不低于3%", en: "R&D intensity at least 3%" },
    cite: CITE,
    ...over,
  })
  const evaluation = (trace: Array<Record<string, unknown>>) =>
    ({
      rule: "r",
      asOf: "2025-06-30",
      verdict: "ineligible",
      trace,
      missing: [],
      distance: 0.1,
      nearMiss: false,
      reasons: { zh: [], en: [] },
    }) as never

  it("writes a percent indicator as a percent and money in 万元, without floating-point noise", () => {
    render(Why, {
      reasons: null,
      evaluation: evaluation([
        node({ id: "a", indicator: "rdIntensity", value: 2.9000000000000004, op: ">=", threshold: 3 }),
        node({ id: "b", indicator: "revenue", value: [1800.333333, null], op: ">=", threshold: 2000 }),
        node({ id: "c", value: 0.30000000000000004, op: ">=", threshold: 0.5 }),
      ]),
    })
    const text = [...document.querySelectorAll(".trace .node")].map((n) => n.textContent ?? "")
    expect(text[0]).toContain("= 2.9%")
    expect(text[0]).toContain(">= 3%")
    expect(text[1]).toContain("= 1800.33万元、缺失")
    expect(text[1]).toContain(">= 2000万元")
    expect(text[2]).toContain("= 0.3")
    expect(document.body.textContent).not.toContain("0000000")
  })
})

describe("TierPyramid", () => {
  const counts = (a: number, b: number, c: number, d: number) => ({
    innovative_sme: a,
    srdi_sme: b,
    little_giant: c,
    listed: d,
  })
  const tiers = [
    { tier: "innovative_sme", zh: "创新型中小企业", en: "innovative SME" },
    { tier: "srdi_sme", zh: "专精特新中小企业", en: "SRDI SME" },
    { tier: "little_giant", zh: "专精特新“小巨人”企业", en: "little giant" },
    { tier: "listed", zh: "上市企业", en: "listed company" },
  ] as const
  const one = {
    region: "500151",
    name: "铜梁区",
    nameEn: "Tongliang",
    enterprises: 600,
    holding: counts(180, 40, 4, 1),
    highest: counts(140, 36, 3, 1),
  }
  const two = {
    region: "500240",
    name: "石柱县",
    nameEn: "Shizhu",
    enterprises: 400,
    holding: counts(120, 20, 1, 0),
    highest: counts(100, 19, 1, 0),
  }

  it("lists the rungs top first with holders and highest rung, in a table beside the chart", () => {
    render(TierPyramid, {
      data: {
        asOf: "2024-12-31",
        tiers,
        items: [one],
        total: { enterprises: 600, holding: one.holding, highest: one.highest },
      },
    })
    const rows = screen
      .getAllByRole("row")
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent))
    expect(rows).toEqual([
      ["上市企业", "1", "1"],
      ["专精特新“小巨人”企业", "4", "3"],
      ["专精特新中小企业", "40", "36"],
      ["创新型中小企业", "180", "140"],
    ])
    expect(screen.getByRole("figure", { name: "梯度培育金字塔" })).toBeTruthy()
    expect(screen.getByText(/2024-12-31/)).toBeTruthy()
  })

  it("adds a column per region and a total when the user sees several regions", () => {
    const total = { enterprises: 1000, holding: counts(300, 60, 5, 1), highest: counts(240, 55, 4, 1) }
    render(TierPyramid, { data: { asOf: "2024-12-31", tiers, items: [one, two], total } })
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "层级",
      "铜梁区",
      "石柱县",
      "合计",
      "以此为最高层级",
    ])
    const base = screen.getAllByRole("row").at(-1)!
    expect([...base.children].map((c) => c.textContent)).toEqual(["创新型中小企业", "180", "120", "300", "240"])
  })
})

describe("EnterpriseForm and FinancialYearForm", () => {
  const USCC = "91500151MA5U7AQX3U"
  const stored = (version: number, over: Record<string, unknown> = {}) => ({
    enterprise: {
      uscc: USCC,
      name: "演示·铜梁某精密制造有限公司",
      region: "500151",
      industry: "C3484",
      financials: [{ year: 2024, revenue: 9600, newEquity: 300 }],
      titles: [],
      ...over,
    },
    version,
    demo: true,
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
  })
  const regions = [{ code: "500151", name: "铜梁区", nameEn: "Tongliang", level: "district", parent: "500000" }]
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": status < 300 ? "application/json" : "application/problem+json", ...headers },
    })
  let fetchMock: ReturnType<typeof vi.fn>
  beforeEach(async () => {
    const { Uscc } = await import("@srdi/core")
    expect(Uscc.problem(USCC)).toBeUndefined()
    fetchMock = vi.fn()
    vi.stubGlobal("fetch", fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it("names a bad USCC and a bad date next to their fields and sends nothing", async () => {
    render(EnterpriseForm, { regions, onsaved: vi.fn(), oncancel: vi.fn() })
    await fireEvent.input(screen.getByLabelText("统一社会信用代码"), { target: { value: "91500151BADCODE12X" } })
    await fireEvent.input(screen.getByLabelText("企业名称"), { target: { value: "测试企业" } })
    await fireEvent.input(screen.getByLabelText("地区"), { target: { value: "500151" } })
    await fireEvent.input(screen.getByLabelText("成立日期"), { target: { value: "2020-02-30" } })
    await fireEvent.click(screen.getByRole("button", { name: "保存" }))
    await waitFor(() => expect(document.querySelector("#nf-uscc-error")).not.toBeNull())
    expect(document.querySelector("#nf-foundedOn-error")?.textContent).toMatch(/日期/)
    expect(screen.getByLabelText("统一社会信用代码").getAttribute("aria-describedby")).toBe("nf-uscc-error")
    expect(document.querySelector("#nf-name-error")).toBeNull()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it("edits with If-Match at the version read, keeps the fields it does not show, and hands back the saved record", async () => {
    const onsaved = vi.fn()
    fetchMock.mockResolvedValue(answer(200, stored(4, { name: "演示·新名称" }), { etag: '"4"' }))
    render(EnterpriseForm, { current: stored(3), regions, onsaved, oncancel: vi.fn() })
    expect((screen.getByLabelText("统一社会信用代码") as HTMLInputElement).readOnly).toBe(true)
    await fireEvent.input(screen.getByLabelText("企业名称"), { target: { value: "演示·新名称" } })
    await fireEvent.click(screen.getByRole("button", { name: "保存" }))
    await waitFor(() => expect(onsaved).toHaveBeenCalled())
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit]
    expect(url).toMatch(new RegExp(`/enterprises/${USCC}$`))
    expect(init.method).toBe("PUT")
    expect((init.headers as Record<string, string>)["if-match"]).toBe('"3"')
    const body = JSON.parse(String(init.body)) as { name: string; financials: Array<{ revenue: number }> }
    expect(body.name).toBe("演示·新名称")
    expect(body.financials[0]!.revenue).toBe(9600)
    expect(onsaved.mock.calls[0]![0].version).toBe(4)
  })

  it("reports a stale version in words, keeps what was typed, and offers to reload", async () => {
    const onreload = vi.fn()
    fetchMock.mockResolvedValue(
      answer(
        412,
        { status: 412, detail: "changed", detailZh: "已被修改", type: "https://srdi.invalid/problems/stale" },
        { etag: '"5"' },
      ),
    )
    const { rerender } = render(EnterpriseForm, {
      current: stored(3),
      regions,
      onsaved: vi.fn(),
      oncancel: vi.fn(),
      onreload,
    })
    await fireEvent.input(screen.getByLabelText("企业名称"), { target: { value: "我刚输入的名称" } })
    await fireEvent.click(screen.getByRole("button", { name: "保存" }))
    const alert = await screen.findByText(/已被他人修改/)
    expect(alert.textContent).toContain("当前版本 5")
    expect(alert.textContent).toContain("基于版本 3")
    expect((screen.getByLabelText("企业名称") as HTMLInputElement).value).toBe("我刚输入的名称")
    await fireEvent.click(screen.getByRole("button", { name: "重新载入最新版本" }))
    expect(onreload).toHaveBeenCalled()
    // Once the latest version is in, the notice goes and the typing stays.
    await rerender({ current: stored(5), regions, onsaved: vi.fn(), oncancel: vi.fn(), onreload })
    await waitFor(() => expect(screen.queryByText(/已被他人修改/)).toBeNull())
    expect((screen.getByLabelText("企业名称") as HTMLInputElement).value).toBe("我刚输入的名称")
  })

  it("puts the API's field issue next to the field and its sentence above the buttons", async () => {
    fetchMock.mockResolvedValue(
      answer(403, {
        status: 403,
        detail: "you may not change data of another region (500240)",
        detailZh: "无权修改其他区县（500240）的数据",
        errors: [{ at: "region", message: { zh: "无权使用该地区", en: "not your region" } }],
      }),
    )
    render(EnterpriseForm, { current: stored(3), regions, onsaved: vi.fn(), oncancel: vi.fn() })
    await fireEvent.input(screen.getByLabelText("地区"), { target: { value: "500240" } })
    await fireEvent.click(screen.getByRole("button", { name: "保存" }))
    expect((await screen.findByText("无权修改其他区县（500240）的数据")).getAttribute("role")).toBe("alert")
    expect(document.querySelector("#ef-region-error")?.textContent).toBe("无权使用该地区")
    expect((screen.getByLabelText("地区") as HTMLInputElement).value).toBe("500240")
  })

  it("saves a financial year as numbers with If-Match, keeping figures the form does not show, and names a non-number", async () => {
    const onsaved = vi.fn()
    fetchMock.mockResolvedValue(answer(200, stored(4), { etag: '"4"' }))
    render(FinancialYearForm, { current: stored(3), year: 2024, onsaved, oncancel: vi.fn() })
    expect((screen.getByLabelText("营业收入（万元）") as HTMLInputElement).value).toBe("9600")
    await fireEvent.input(screen.getByLabelText("研发费用（万元）"), { target: { value: "六百" } })
    await fireEvent.click(screen.getByRole("button", { name: "保存" }))
    await waitFor(() => expect(document.querySelector("#fy-rdExpense-error")).not.toBeNull())
    expect(fetchMock).not.toHaveBeenCalled()
    await fireEvent.input(screen.getByLabelText("研发费用（万元）"), { target: { value: "612.5" } })
    await fireEvent.click(screen.getByRole("button", { name: "保存" }))
    await waitFor(() => expect(onsaved).toHaveBeenCalled())
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit]
    expect(url).toMatch(new RegExp(`/enterprises/${USCC}/financials/2024$`))
    expect((init.headers as Record<string, string>)["if-match"]).toBe('"3"')
    expect(JSON.parse(String(init.body))).toEqual({ year: 2024, revenue: 9600, rdExpense: 612.5, newEquity: 300 })
  })
})
