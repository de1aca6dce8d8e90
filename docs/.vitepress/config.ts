// The docs site. Dead links fail the build (VitePress's default; ignoreDeadLinks stays off). Pages written by
// other parts of the repo (the API guides, the admin guide, the CLI and file-format pages) join the sidebar when
// they exist, so the navigation never points at a missing page.
import { existsSync, readdirSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig, type DefaultTheme } from "vitepress"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const has = (page: string) => existsSync(join(root, `${page}.md`))
const item = (text: string, page: string): Array<DefaultTheme.SidebarItem> =>
  has(page) ? [{ text, link: `/${page}` }] : []
const folder = (dir: string): Array<DefaultTheme.SidebarItem> =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((f) => f.endsWith(".md") && f !== "index.md")
        .sort()
        .map((f) => ({ text: basename(f, ".md"), link: `/${dir}/${basename(f, ".md")}` }))
    : []

export default defineConfig({
  title: "SRDI",
  description: "Policy-as-code for 专精特新 SME cultivation plans: SDK, policy packs, CLI, API and admin",
  lang: "en",
  cleanUrls: true,
  srcExclude: ["**/node_modules/**", "scripts/**", "**/README.md"],
  markdown: { lineNumbers: false },
  themeConfig: {
    nav: [
      { text: "Guide", link: "/getting-started" },
      { text: "Concepts", link: "/concepts/" },
      { text: "Write a pack", link: "/pack-authoring" },
      { text: "SDK", link: "/reference/sdk/" },
      { text: "REST", link: "/reference/rest" },
    ],
    sidebar: [
      {
        text: "Guide",
        items: [
          { text: "Getting started", link: "/getting-started" },
          ...item("The srdi command", "cli"),
          ...item("Enterprise file format", "enterprise-file-format"),
          ...item("Admin app", "admin"),
          { text: "Deploying", link: "/deploying" },
          { text: "Forking for another region", link: "/forking" },
          { text: "Releasing", link: "/releasing" },
          { text: "Examples", link: "/examples" },
        ],
      },
      {
        text: "Concepts",
        items: [
          { text: "Overview and glossary", link: "/concepts/" },
          { text: "Tiers and enterprises", link: "/concepts/tiers" },
          { text: "Rules and verdicts", link: "/concepts/rules" },
          { text: "Targets", link: "/concepts/targets" },
          { text: "Tasks and units", link: "/concepts/tasks" },
          { text: "Awards and budgets", link: "/concepts/awards" },
          { text: "Pools and problems", link: "/concepts/pools" },
          { text: "Packs", link: "/concepts/packs" },
        ],
      },
      {
        text: "Packs",
        items: [{ text: "Authoring guide", link: "/pack-authoring" }, ...item("Pack format", "pack-format")],
      },
      {
        text: "Reference",
        items: [
          { text: "SDK (@srdi/core)", link: "/reference/sdk/", collapsed: true, items: folder("reference/sdk") },
          { text: "REST API", link: "/reference/rest" },
          ...(folder("api").length > 0 ? [{ text: "API guides", collapsed: true, items: folder("api") }] : []),
        ],
      },
    ],
    search: { provider: "local" },
    outline: [2, 3],
  },
})
