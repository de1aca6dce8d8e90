/**
 * Languages the SDK speaks and bilingual text.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A language the SDK writes reasons and errors in: Chinese (default) or English.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Lang = Schema.Literal("zh", "en")

/**
 * @since 0.1.0
 * @category models
 */
export type Lang = typeof Lang.Type

/**
 * A piece of text in Chinese and English. Chinese is the language of record; English is a working translation.
 *
 * @example
 * const name: Locale.Text = { zh: "研发投入强度", en: "R&D intensity" }
 *
 * @since 0.1.0
 * @category schemas
 */
export const Text = Schema.Struct({
  zh: Schema.NonEmptyString,
  en: Schema.NonEmptyString,
})

/**
 * @since 0.1.0
 * @category models
 */
export type Text = typeof Text.Type

/**
 * Builds a bilingual text.
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (zh: string, en: string): Text => ({ zh, en })

/**
 * Picks one language of a bilingual text.
 *
 * @since 0.1.0
 * @category getters
 */
export const pick = (value: Text, lang: Lang): string => value[lang]
