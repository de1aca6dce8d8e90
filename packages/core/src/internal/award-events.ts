/**
 * The events in an enterprise's history that can earn an award: recognitions, listing stages, pool entries and
 * honours, each with a stable key so the same award and event never produce two lines.
 */
import type { Trigger } from "../Award.js"
import type { Enterprise, ListingStage } from "../Enterprise.js"
import type { Text } from "../Locale.js"
import { type GrantLevel, KNOWN } from "../Title.js"

/** One event: its kind and subject (written `kind:subject`), its date, and the stage for staged amounts. */
export interface AwardEvent {
  readonly event: string
  readonly on: string
  readonly stage?: ListingStage
}

const RANK: Record<GrantLevel, number> = { district: 1, municipal: 2, provincial: 3, national: 4 }

// A holding without a level counts: the title id usually fixes the level (little_giant is always national), and
// leaving it out would silently under-count a population's budget.
const atLeast = (level: GrantLevel | undefined, min: GrantLevel | undefined): boolean =>
  min === undefined || level === undefined || RANK[level] >= RANK[min]

/**
 * The events of an enterprise that a trigger names, oldest first, one per distinct event: the first holding for
 * `first_recognition`, each holding for `title_granted`, each stage once (its earliest date) for `listing_stage`,
 * each entry for `pool_entry`, each honour for `honor`.
 */
export const eventsOf = (trigger: Trigger, e: Enterprise): ReadonlyArray<AwardEvent> => {
  const out: Array<AwardEvent> = []
  switch (trigger.kind) {
    case "first_recognition": {
      let first: string | undefined
      for (const h of e.titles)
        if (
          h.title === trigger.title &&
          atLeast(h.level, trigger.minLevel) &&
          (first === undefined || h.grantedOn < first)
        )
          first = h.grantedOn
      if (first !== undefined) out.push({ event: `first_recognition:${trigger.title}`, on: first })
      break
    }
    case "title_granted":
      for (const h of e.titles)
        if (h.title === trigger.title && atLeast(h.level, trigger.minLevel))
          out.push({ event: `title_granted:${trigger.title}`, on: h.grantedOn })
      break
    case "listing_stage": {
      const earliest = new Map<ListingStage, string>()
      for (const l of e.listing)
        if (trigger.stages.includes(l.stage)) {
          const seen = earliest.get(l.stage)
          if (seen === undefined || l.reachedOn < seen) earliest.set(l.stage, l.reachedOn)
        }
      for (const [stage, on] of earliest) out.push({ event: `listing_stage:${stage}`, on, stage })
      break
    }
    case "pool_entry":
      for (const p of e.pools)
        if (p.pool === trigger.pool) out.push({ event: `pool_entry:${trigger.pool}`, on: p.enteredOn })
      break
    case "honor":
      for (const h of e.honors)
        if (h.kind === trigger.honor && atLeast(h.level, trigger.minLevel))
          out.push({ event: `honor:${trigger.honor}`, on: h.on })
      break
  }
  if (out.length < 2) return out
  // The same event twice in the data (a duplicated row) is still one event.
  const seen = new Set<string>()
  return out
    .filter((ev) => {
      const key = `${ev.event}@${ev.on}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
}

/** Listing stages in Chinese and English. */
export const STAGE_NAMES: Record<ListingStage, Text> = {
  share_reform: { zh: "完成股份制改造", en: "share reform completed" },
  otc_cq: { zh: "重庆股份转让中心挂牌", en: "quoted on the Chongqing Equity Exchange (OTC)" },
  neeq_basic: { zh: "新三板基础层挂牌", en: "quoted on the NEEQ basic tier" },
  neeq_innovation: { zh: "进入新三板创新层", en: "moved to the NEEQ innovation tier" },
  ipo_accepted: { zh: "上市申请获受理", en: "IPO application accepted" },
  bse: { zh: "北京证券交易所上市", en: "listed on the Beijing Stock Exchange" },
  star: { zh: "科创板上市", en: "listed on the STAR Market" },
  chinext: { zh: "创业板上市", en: "listed on ChiNext" },
  main_board: { zh: "主板上市", en: "listed on the main board" },
}

const titleName = (id: string): Text => KNOWN[id] ?? { zh: id, en: id }

/** An event key (`listing_stage:otc_cq`) as a phrase in both languages. */
export const describeEvent = (event: string): Text => {
  const colon = event.indexOf(":")
  const kind = event.slice(0, colon)
  const subject = event.slice(colon + 1)
  switch (kind) {
    case "first_recognition": {
      const t = titleName(subject)
      return { zh: `首次认定为${t.zh}`, en: `first recognised as ${t.en}` }
    }
    case "title_granted": {
      const t = titleName(subject)
      return { zh: `获得${t.zh}认定`, en: `granted ${t.en}` }
    }
    case "listing_stage":
      return STAGE_NAMES[subject as ListingStage] ?? { zh: subject, en: subject }
    case "pool_entry":
      return { zh: `进入${subject}`, en: `entered the pool ${subject}` }
    case "honor":
      return { zh: `获得${subject}`, en: `won ${subject}` }
    default:
      return { zh: event, en: event }
  }
}
