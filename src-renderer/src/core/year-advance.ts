// “以去年报告为底稿”: next year's report starts as a copy of last year's outline and text with
// every year and date moved on, and every figure cleared so a stale number cannot slip
// through. Chips stay where they were: they will show the new figures once entered.
import { isValidIsoDate } from './dates'
import { PREAMBLE_ID, type BlockJSON, type InlineJSON, type ParagraphJSON, type Report, type ReportDocJSON, type SectionJSON } from './report'
import type { MetricValue, ReportTemplate } from './template'
import { withReportMetrics } from './report-metrics'

// A year that is part of a span ("2021—2025年", the national outline's period) or of a
// document number ("〔2021〕30号") names a fixed thing and stays. A span of two consecutive
// years ("2023至2024年度", a heating season or school year) is the report's own period and moves.
const DASH = '[—–\\-~～至到]'
const RANGE_BEFORE = new RegExp(`\\d{4}\\s*${DASH}\\s*$`)
const RANGE_AFTER = new RegExp(`^\\s*${DASH}\\s*\\d{4}`)
const RANGE = new RegExp(`(?<![\\d.])(\\d{4})(\\s*${DASH}\\s*)(\\d{4})(?![\\d.]|%)`, 'g')

/** Chinese-numeral digits as written in years (二〇二三年); 〇, ○ and 零 all mean zero. */
const CN_DIGITS = '〇一二三四五六七八九'
const CN_ZEROS = '〇○零'
const CN = `[${CN_DIGITS}${CN_ZEROS}]`
/** '二〇二三年', or a span '二〇二三至二〇二四年' (both ends taken together). */
const CN_YEAR = new RegExp(`(?<![${CN_DIGITS}${CN_ZEROS}十百千万])(${CN}{4})(?:(\\s*${DASH}\\s*)(${CN}{4}))?(?=\\s*年)`, 'gu')

function cnYearValue(s: string): number {
  return Number([...s].map((c) => (CN_ZEROS.includes(c) ? 0 : CN_DIGITS.indexOf(c))).join(''))
}

/** Writes `year` with the same zero character the clerk used ('二〇二四' / '二○二四' / '二零二四'). */
function cnYearText(year: number, like: string): string {
  const zero = [...like].find((c) => CN_ZEROS.includes(c)) ?? '〇'
  return [...String(year)].map((d) => (d === '0' ? zero : CN_DIGITS[Number(d)])).join('')
}

/**
 * Moves every year within one of the report year (last year, this year, next year) by `delta`.
 * '2024年' → '2025年', '2024年3月15日' → '2025年3月15日', '2025-01-15' → '2026-01-15',
 * '二〇二四年' → '二〇二五年', '2023至2024年度' → '2024至2025年度'; '2021—2025年' stays.
 */
export function advanceYearsInText(text: string, reportYear: number, delta = 1): string {
  if (delta === 0) return text
  const near = (y: number) => Math.abs(y - reportYear) <= 1
  // Consecutive-year spans first; the single-year pass below leaves every span alone.
  const spans = text.replace(RANGE, (match, a: string, sep: string, b: string) => {
    const from = Number(a)
    const to = Number(b)
    if (to - from !== 1 || !near(from) || !near(to)) return match
    return `${from + delta}${sep}${to + delta}`
  })
  const arabic = spans.replace(/(?<![\d.])(\d{4})(?![\d.]|%)/g, (match, digits: string, offset: number, whole: string) => {
    const y = Number(digits)
    if (!near(y)) return match
    const before = whole.slice(Math.max(0, offset - 8), offset)
    const after = whole.slice(offset + 4, offset + 12)
    if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after)) return match
    if (/[〔\[［(（]$/.test(before) && /^[〕\]］)）]/.test(after)) return match
    // Only years as years: followed by 年/年度/-MM, or preceded by words such as 至/截至.
    if (!/^(\s*年|-\d{1,2}|\/\d{1,2}|\s*届)/.test(after)) return match
    return String(y + delta)
  })
  return arabic.replace(CN_YEAR, (match, a: string, sep: string | undefined, b: string | undefined) => {
    const from = cnYearValue(a)
    if (b === undefined) return near(from) ? cnYearText(from + delta, a) : match
    const to = cnYearValue(b)
    if (to - from !== 1 || !near(from) || !near(to)) return match
    return `${cnYearText(from + delta, a)}${sep}${cnYearText(to + delta, b)}`
  })
}

/** Moves an ISO date by whole years; 29 February becomes 28 February in a common year. */
export function advanceIsoDate(iso: string, delta = 1): string {
  if (!isValidIsoDate(iso)) return iso
  const [y, m, d] = iso.split('-').map(Number)
  const year = y + delta
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

function advanceInline(content: InlineJSON[] | undefined, year: number): InlineJSON[] | undefined {
  return content?.map((n) => (n.type === 'text' ? { ...n, text: advanceYearsInText(n.text, year) } : n))
}

function advanceParagraph<P extends { type: string; content?: InlineJSON[] }>(p: P, year: number): P {
  const content = advanceInline(p.content, year)
  return content ? { ...p, content } : { ...p }
}

export interface AdvanceIds {
  reportId: string
  newSectionId: () => string
  now: number
}

/**
 * Next year's report from last year's: outline and text copied with years moved on, title and
 * 成文日期 advanced, every metric value cleared, and a link back to last year's report so its
 * figures can be shown beside the new inputs.
 */
export function advanceReport(
  previous: { report: Report; doc: ReportDocJSON; template: ReportTemplate },
  ids: AdvanceIds
): { report: Report; doc: ReportDocJSON; values: MetricValue[] } {
  const { report: old, doc: oldDoc, template } = previous
  const year = old.meta.year
  const blocks: BlockJSON[] = oldDoc.content.map((block) => {
    if (block.type === 'preamble') {
      return { ...block, attrs: { id: PREAMBLE_ID }, content: block.content.map((p) => advanceParagraph<ParagraphJSON>(p, year)) }
    }
    const [title, ...body] = block.content
    const section: SectionJSON = {
      ...block,
      attrs: { ...block.attrs, id: ids.newSectionId() },
      content: [advanceParagraph(title, year), ...body.map((p) => advanceParagraph(p, year))]
    }
    return section
  })
  const doc = { type: 'doc', content: blocks } as ReportDocJSON
  const report: Report = {
    id: ids.reportId,
    templateId: old.templateId,
    templateVersion: old.templateVersion,
    previousReportId: old.id,
    // The clerk's own metrics carry over with their ids, so last year's values line up by id.
    ...(old.ownMetrics?.length ? { ownMetrics: old.ownMetrics.map((m) => ({ ...m })) } : {}),
    meta: {
      ...old.meta,
      issuingOrgans: [...old.meta.issuingOrgans],
      title: advanceYearsInText(old.meta.title, year),
      year: year + 1,
      date: advanceIsoDate(old.meta.date)
    },
    status: 'draft',
    sectionOrder: blocks.map((b) => b.attrs.id),
    createdAt: ids.now,
    updatedAt: ids.now,
    deletedAt: null
  }
  // Cleared, not copied: last year's figure stays visible beside the input instead.
  const values: MetricValue[] = withReportMetrics(template, old).metrics.map((m) => ({ metricId: m.id, value: null, qualifier: '' }))
  return { report, doc, values }
}
