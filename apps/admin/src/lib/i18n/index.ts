/**
 * i18n with svelte-i18n: Chinese by default, English on request; the choice is remembered in localStorage.
 * Both dictionaries are small, so they load with the app instead of as extra requests.
 */
import { addMessages, init, locale } from "svelte-i18n"
import en from "./en.json"
import zh from "./zh.json"

/** The languages the admin speaks. */
export type Lang = "zh" | "en"

const KEY = "srdi.lang"

/** Registers the dictionaries and picks the language: saved choice, else Chinese (the users read Chinese). */
export const setupI18n = (initial?: Lang): void => {
  addMessages("zh", zh)
  addMessages("en", en)
  let saved: string | null = null
  try {
    saved = globalThis.localStorage?.getItem(KEY) ?? null
  } catch {
    // storage disabled: stay with the default
  }
  init({ fallbackLocale: "zh", initialLocale: initial ?? (saved === "en" ? "en" : "zh") })
}

/** Switches and remembers the language. */
export const setLang = (lang: Lang): void => {
  void locale.set(lang)
  try {
    globalThis.localStorage?.setItem(KEY, lang)
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en"
}

export { _ as t, locale } from "svelte-i18n"
