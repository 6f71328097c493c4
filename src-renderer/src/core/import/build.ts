// From a recognised document to a Huibao report: the proposed template, each imported section
// matched to a template section (so guidance, metric tables and grouping follow), the
// disclosure tables read into metric values, figures in the prose offered as metrics, and
// finally the report, its blocks and values — ready for one transaction.
import { findProseFiguresInDoc, convertFigureToChip, type DocFigure } from '../prose-figures'
import { createReportFromTemplate, fillYearPlaceholders, type NewReportIds } from '../report-factory'
import { advanceReport } from '../year-advance'
import { defaultReportDate } from '../dates'
import { PREAMBLE_ID, type BodyBlockJSON, type InlineJSON, type Report, type ReportDocJSON, type SectionJSON } from '../report'
import type { MetricValue, ReportTemplate } from '../template'
import { blockText, type ImportedBlock, type ImportedTable, type RecognisedReport } from './recognise'
import { expandGrid, matchMetricTables, normLabel, type MatchedTable } from './tables'

/** The template choice meaning "keep the document's own outline, no template sections". */
export const FREE_STRUCTURE = 'free-structure'

function bigrams(s: string): string[] {
  const t = normLabel(s).replace(/\d{4}年度?|\{(next)?[yY]ear\}年度?/g, '').replace(/[，。、“”"（）]/g, '')
  const out: string[] = []
  for (let i = 0; i < t.length - 1; i++) out.push(t.slice(i, i + 2))
  return out.length ? out : [t]
}

/** Dice similarity of two headings over character bigrams (0…1). */
export function headingSimilarity(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  const pool = [...y]
  let common = 0
  for (const g of x) {
    const i = pool.indexOf(g)
    if (i >= 0) {
      common++
      pool.splice(i, 1)
    }
  }
  return (2 * common) / (x.length + y.length)
}

const MATCH = 0.5

/** For each imported section, the template section key it corresponds to (or null). */
export function matchSections(rec: RecognisedReport, template: ReportTemplate, year: number): Array<string | null> {
  const used = new Set<string>()
  return rec.sections.map((s) => {
    let best: { key: string; score: number } | null = null
    for (const t of template.sections) {
      if (used.has(t.key) || t.level !== s.level) continue
      const score = headingSimilarity(s.title, fillYearPlaceholders(t.title, year))
      if (score >= MATCH && (!best || score > best.score)) best = { key: t.key, score }
    }
    if (best) used.add(best.key)
    return best?.key ?? null
  })
}

const TITLE_HINTS: Array<[RegExp, string]> = [
  [/法治政府/, 'rule-of-law'],
  [/信息公开/, 'gov-disclosure'],
  [/工作总结/, 'work-summary']
]

export interface TemplateProposal {
  templateId: string
  /** 0…1: share of the template's top-level sections found in the document. */
  score: number
}

/** The built-in (or user) template whose outline matches best, or 自由结构 when none fits. */
export function proposeTemplate(rec: RecognisedReport, templates: readonly ReportTemplate[]): TemplateProposal {
  const year = rec.year ?? 2000
  let best: TemplateProposal = { templateId: FREE_STRUCTURE, score: 0 }
  for (const t of templates) {
    const top = t.sections.filter((s) => s.level === 1)
    if (top.length === 0) continue
    const keys = matchSections(rec, t, year)
    const found = top.filter((s) => keys.includes(s.key)).length
    let score = found / top.length
    // The title names the kind of report: a tie-breaker, not enough on its own.
    if (TITLE_HINTS.some(([re, id]) => re.test(rec.title) && t.id.includes(id))) score += 0.15
    if (score > best.score) best = { templateId: t.id, score }
  }
  return best.score >= 0.4 ? best : { templateId: FREE_STRUCTURE, score: best.score }
}

// ---- Blocks --------------------------------------------------------------------------------

function paragraphJSON(runs: Array<{ text: string; bold?: boolean }>): BodyBlockJSON {
  const content: InlineJSON[] = runs.filter((r) => r.text !== '').map((r) => (r.bold ? { type: 'text', text: r.text, marks: [{ type: 'bold' }] } : { type: 'text', text: r.text }))
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
}

function tableJSON(t: ImportedTable): BodyBlockJSON {
  // Plain rows of cell text: a merged cell's text once, the grid positions it covers empty.
  const grid = expandGrid(t)
  const rows = t.rows.map((row, r) => {
    const out: string[] = []
    let col = 0
    for (const cell of row) {
      out.push(cell.vMerge === 'continue' ? '' : cell.text)
      for (let k = 1; k < cell.span; k++) out.push('')
      col += cell.span
    }
    const width = Math.max(...grid.map((g) => g.length))
    while (out.length < width) out.push('')
    return out
  })
  return { type: 'plainTable', attrs: { rows } }
}

function bodyJSON(blocks: readonly ImportedBlock[], skip: Set<ImportedTable>): BodyBlockJSON[] {
  return blocks.filter((b) => !(b.type === 'table' && skip.has(b))).map((b) => (b.type === 'table' ? tableJSON(b) : paragraphJSON(b.runs)))
}

export interface ImportInput {
  templateId: string
  title: string
  addressee: string
  organs: string[]
  year: number
  /** 'YYYY-MM-DD'; blank means the default date for the year. */
  date: string
}

/** A figure found in the prose, located by block position so it survives fresh ids. */
export interface ImportFigure extends DocFigure {
  blockIndex: number
  /** Stable key for the clerk's choice in the preview. */
  key: string
}

export interface ImportPlan {
  template: ReportTemplate
  /** Template key per imported section (null: the clerk's own section). */
  sectionKeys: Array<string | null>
  matchedTables: MatchedTable[]
  /** Plain tables kept in the report (not read into metric tables). */
  plainTables: number
  figures: ImportFigure[]
  /** Values read from the disclosure tables. */
  tableValues: MetricValue[]
  /** Indexes (in document order) of the tables read into metric tables. */
  usedTables: number[]
}

/** The blocks as they will be stored, with placeholder ids (index based). */
function draftDoc(rec: RecognisedReport, template: ReportTemplate, sectionKeys: Array<string | null>, skip: Set<ImportedTable>, sectionId: (i: number) => string): ReportDocJSON {
  const required = new Map(template.sections.map((s) => [s.key, s.required]))
  const preambleContent = bodyJSON(rec.preamble, skip)
  const sections: SectionJSON[] = rec.sections.map((s, i) => ({
    type: 'section',
    attrs: { id: sectionId(i), level: s.level, templateKey: sectionKeys[i], required: sectionKeys[i] ? (required.get(sectionKeys[i]!) ?? false) : false },
    content: [{ type: 'sectionTitle', content: [{ type: 'text', text: s.title }] }, ...(s.body.length ? bodyJSON(s.body, skip) : [{ type: 'paragraph' } as BodyBlockJSON])]
  }))
  return {
    type: 'doc',
    content: [{ type: 'preamble', attrs: { id: PREAMBLE_ID }, content: preambleContent.length ? preambleContent : [{ type: 'paragraph' }] }, ...sections]
  }
}

function allTables(rec: RecognisedReport): ImportedTable[] {
  return [...rec.preamble, ...rec.sections.flatMap((s) => s.body)].filter((b): b is ImportedTable => b.type === 'table')
}

/**
 * What importing with this template will do: section matches, tables read, figures offered.
 * With `free` (自由结构) the template only lends its metrics: no section or table is matched.
 */
export function planImport(rec: RecognisedReport, template: ReportTemplate, year: number, free: boolean): ImportPlan {
  const sectionKeys = free ? rec.sections.map(() => null) : matchSections(rec, template, year)
  const tables = allTables(rec)
  const { values, used, matched } = free ? { values: [], used: new Set<ImportedTable>(), matched: [] } : matchMetricTables(tables, template)
  const doc = draftDoc(rec, template, sectionKeys, used, (i) => `s${i}`)
  const figures = findProseFiguresInDoc(doc, template, []).map((f) => {
    const blockIndex = doc.content.findIndex((b) => b.attrs.id === f.blockId)
    return { ...f, blockIndex, key: `${blockIndex}:${f.childIndex}:${f.nodeIndex}:${f.start}` }
  })
  return { template, sectionKeys, matchedTables: matched, plainTables: tables.length - used.size, figures, tableValues: values, usedTables: tables.flatMap((t, i) => (used.has(t) ? [i] : [])) }
}

/** Paragraph counts (body text, tables excluded) per section, for the preview. */
export function paragraphCounts(rec: RecognisedReport): number[] {
  return rec.sections.map((s) => s.body.filter((b) => b.type === 'paragraph' && blockText(b).trim() !== '').length)
}

/**
 * Builds the report. `bindings` maps ImportFigure.key → metric id for the figures the clerk chose
 * to turn into chips (their values are filled from the text). With `asDraft`, the result is
 * next year's draft: years and dates advanced and every figure cleared, as 以去年报告为底稿 does.
 */
export function buildImportedReport(
  rec: RecognisedReport,
  plan: ImportPlan,
  input: ImportInput,
  ids: NewReportIds,
  options: { bindings?: Record<string, string>; asDraft?: boolean } = {}
): { report: Report; doc: ReportDocJSON; values: MetricValue[] } {
  const { template } = plan
  const date = input.date || defaultReportDate(input.year)
  // The factory validates the clerk's input (organs, year, date) with its Chinese messages.
  const base = createReportFromTemplate(template, { organs: input.organs, addressee: input.addressee, year: input.year, date, title: input.title }, ids)
  const tables = allTables(rec)
  const used = new Set(plan.usedTables.map((i) => tables[i]))
  const sectionIds = rec.sections.map(() => ids.newSectionId())
  let doc = draftDoc(rec, template, plan.sectionKeys, used, (i) => sectionIds[i])
  const values = new Map(base.values.map((v) => [v.metricId, v]))
  for (const v of plan.tableValues) values.set(v.metricId, v)
  // Later figures first, so earlier positions in the same text node stay valid.
  const chosen = plan.figures
    .filter((f) => options.bindings?.[f.key] && template.metrics.some((m) => m.id === options.bindings![f.key]))
    .sort((a, b) => b.blockIndex - a.blockIndex || b.childIndex - a.childIndex || b.nodeIndex - a.nodeIndex || b.start - a.start)
  for (const f of chosen) {
    const blockId = doc.content[f.blockIndex].attrs.id
    const converted = convertFigureToChip(doc, { ...f, blockId }, options.bindings![f.key])
    if (!converted) continue
    doc = converted.doc
    values.set(converted.value.metricId, converted.value)
  }
  const report: Report = { ...base.report, sectionOrder: doc.content.map((b) => b.attrs.id) }
  const result = { report, doc, values: [...values.values()] }
  if (!options.asDraft) return result
  // 作为底稿: the imported report is last year's; the draft is made from it like any other.
  const advanced = advanceReport({ report: { ...report, meta: { ...report.meta, date } }, doc, template }, { ...ids, newSectionId: ids.newSectionId })
  return { report: { ...advanced.report, previousReportId: null }, doc: advanced.doc, values: advanced.values }
}
