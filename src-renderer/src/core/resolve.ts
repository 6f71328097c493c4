// Report + document + values → the ResolvedReport every exporter reads: numbers computed,
// chips turned into text, text cleaned, guidance left behind.
import { formatChineseDate, isValidIsoDate } from './dates'
import { computeMetricResults, effectiveValues, metricChipText, valuesById } from './metrics'
import { resolveMetricTable } from './metric-tables'
import { yoyChipText } from './year-on-year'
import { withReportMetrics } from './report-metrics'
import { outlineNumbers } from './numbering'
import { cleanAddressee, ReportInputError } from './report-factory'
import type { InlineJSON, Report, ReportDocJSON, SectionJSON } from './report'
import type { ResolvedParagraph, ResolvedReport, ResolvedRun, RunReview } from './resolved'
import { commentThreadIds, suggestionMark } from './review/marks'
import type { MetricDefinition, MetricValue, ReportTemplate } from './template'
import { normalizeChineseText, stripXmlIllegal } from './text'

export interface ResolveOptions {
  /**
   * Apply normalizeChineseText to body and heading text (default true): exports should not
   * carry Word artefacts or half-width punctuation. false only strips XML-illegal characters.
   */
  normalize?: boolean
  /**
   * Keep review marks on the runs (the review export's Word comments and tracked changes).
   * Without it pending suggestions are left out: suggested insertions are dropped and
   * suggested deletions stay, i.e. the text as it stands until someone accepts them.
   */
  review?: boolean
  /** Last year's values, for year-on-year chips (show: 'yoy'); without them those chips show a placeholder. */
  previousValues?: readonly MetricValue[]
  /**
   * Text exactly as typed (no normalisation, no stripping): what the proofreading checks read,
   * so they can see control characters and half-width marks and point at the typed offsets.
   */
  raw?: boolean
}

type ChipLookup = (metricId: string, show?: 'value' | 'yoy') => { text: string; missing: boolean }

/**
 * One node list → paragraphs. A hard break starts a new paragraph: official documents have no
 * soft line breaks, and every line must carry the body indent.
 */
function toParagraphs(content: InlineJSON[] | undefined, chip: ChipLookup, clean: (s: string) => string, withReview = false): ResolvedRun[][] {
  const paragraphs: ResolvedRun[][] = [[]]
  for (const node of content ?? []) {
    const runs = paragraphs[paragraphs.length - 1]
    const review = node.type === 'hardBreak' ? undefined : runReview(node)
    if (!withReview && review?.change?.kind === 'insertion') continue
    const reviewProp = withReview && review ? { review } : {}
    if (node.type === 'hardBreak') {
      // A pending suggested split is left out in both views (the review copy shows pending
      // splits/joins settled as rejected); a struck break (pending join) still separates.
      if (suggestionMark(node)?.type !== 'insertion') paragraphs.push([])
    } else if (node.type === 'metric') {
      const { text, missing } = chip(node.attrs.metricId, node.attrs.show)
      runs.push(missing ? { text: stripXmlIllegal(text), fromMetric: true, missing: true, ...reviewProp } : { text: stripXmlIllegal(text), fromMetric: true, ...reviewProp })
    } else {
      const text = clean(node.text)
      if (text === '') continue
      const bold = node.marks?.some((m) => m.type === 'bold') ?? false
      const last = runs[runs.length - 1]
      // Adjacent runs with the same look become one: fewer, larger runs in the DOCX.
      if (last && !last.fromMetric && Boolean(last.bold) === bold && !last.review && !reviewProp.review) last.text += text
      else runs.push(bold ? { text, bold: true, ...reviewProp } : { text, ...reviewProp })
    }
  }
  return paragraphs.map(trimEdges)
}

function runReview(node: Exclude<InlineJSON, { type: 'hardBreak' }>): RunReview | undefined {
  const change = suggestionMark(node)
  const comments = commentThreadIds(node)
  if (!change && comments.length === 0) return undefined
  return {
    ...(change ? { change: { kind: change.type, id: change.attrs.id, author: change.attrs.author, at: change.attrs.at } } : {}),
    ...(comments.length ? { comments } : {})
  }
}

/** Leading/trailing spaces (e.g. pasted '　　' indents) would double the style's indent. */
function trimEdges(runs: ResolvedRun[]): ResolvedRun[] {
  const out = runs.map((r) => ({ ...r }))
  while (out.length && !out[0].fromMetric && (out[0].text = out[0].text.replace(/^[\s\u3000]+/, '')) === '') out.shift()
  while (out.length && !out[out.length - 1].fromMetric && (out[out.length - 1].text = out[out.length - 1].text.replace(/[\s\u3000]+$/, '')) === '') out.pop()
  return out
}

function dropTrailingEmpty(paragraphs: ResolvedRun[][]): ResolvedParagraph[] {
  let end = paragraphs.length
  while (end > 0 && paragraphs[end - 1].length === 0) end--
  return paragraphs.slice(0, end).map((runs) => ({ runs }))
}

export function resolveReport(
  report: Report,
  doc: ReportDocJSON,
  template: ReportTemplate,
  values: readonly MetricValue[],
  options: ResolveOptions = {}
): ResolvedReport {
  const strip = options.raw ? (s: string) => s : stripXmlIllegal
  const clean = options.raw ? strip : options.normalize === false ? stripXmlIllegal : normalizeChineseText
  // The report's own metrics resolve exactly like the template's.
  template = withReportMetrics(template, report)
  const defs = new Map<string, MetricDefinition>(template.metrics.map((m) => [m.id, m]))
  // Computed metrics show their result, whatever may have been stored for them.
  const results = computeMetricResults(template, values)
  const byId = valuesById(results.size ? effectiveValues(template, values) : values)
  const previous = options.previousValues ? valuesById(effectiveValues(template, options.previousValues)) : new Map<string, MetricValue>()
  const chip: ChipLookup = (id, show) =>
    show === 'yoy' ? yoyChipText(defs.get(id), byId.get(id), previous.get(id)) : metricChipText(defs.get(id), byId.get(id))

  const blocks = doc.content
  const preambleBlock = blocks[0]?.type === 'preamble' ? blocks[0] : null
  const sectionBlocks = blocks.filter((b): b is SectionJSON => b.type === 'section')
  const numbers = outlineNumbers(sectionBlocks.map((s) => s.attrs.level))

  const preamble = dropTrailingEmpty((preambleBlock?.content ?? []).flatMap((p) => toParagraphs(p.content, chip, clean, options.review)))
  const sections = sectionBlocks.map((s, i) => {
    const [titleNode, ...body] = s.content
    const tables = (template.tables ?? [])
      .filter((t) => s.attrs.templateKey !== null && t.sectionKey === s.attrs.templateKey)
      .map((t) => resolveMetricTable(t, template, values, results))
    return {
      ...(tables.length ? { tables } : {}),
      id: s.attrs.id,
      level: s.attrs.level,
      ...(s.attrs.required ? { required: true } : {}),
      number: numbers[i],
      // A heading is one line: breaks inside it are joined.
      title: toParagraphs(titleNode?.content, chip, clean, options.review).flat(),
      paragraphs: dropTrailingEmpty(body.flatMap((p) => toParagraphs(p.content, chip, clean, options.review)))
    }
  })

  const { meta } = report
  if (!isValidIsoDate(meta.date)) {
    throw new ReportInputError('成文日期无效，请在报告信息中重新选择成文日期后再导出', 'date')
  }
  const signatures = meta.issuingOrgans.map((o) => strip(o).trim()).filter((o) => o !== '')
  // The addressee is a line of Chinese text like the body: half-width commas become full-width.
  const addressee = cleanAddressee(options.raw ? meta.addressee ?? '' : clean(meta.addressee ?? ''))
  return {
    // Not normalised: the space between two joint organs in the title is intended.
    title: strip(meta.title).trim(),
    addressee: addressee ? `${addressee}：` : '',
    preamble,
    sections,
    signatures,
    dateText: formatChineseDate(meta.date),
    author: signatures.join('、')
  }
}
