// Report + document + values → the ResolvedReport every exporter reads: numbers computed,
// chips turned into text, text cleaned, guidance left behind.
import { formatChineseDate, isValidIsoDate } from './dates'
import { metricChipText, valuesById } from './metrics'
import { outlineNumbers } from './numbering'
import { cleanAddressee, ReportInputError } from './report-factory'
import type { InlineJSON, Report, ReportDocJSON, SectionJSON } from './report'
import type { ResolvedParagraph, ResolvedReport, ResolvedRun } from './resolved'
import type { MetricDefinition, MetricValue, ReportTemplate } from './template'
import { normalizeChineseText, stripXmlIllegal } from './text'

export interface ResolveOptions {
  /**
   * Apply normalizeChineseText to body and heading text (default true): exports should not
   * carry Word artefacts or half-width punctuation. false only strips XML-illegal characters.
   */
  normalize?: boolean
}

type ChipLookup = (metricId: string) => { text: string; missing: boolean }

/**
 * One node list → paragraphs. A hard break starts a new paragraph: official documents have no
 * soft line breaks, and every line must carry the body indent.
 */
function toParagraphs(content: InlineJSON[] | undefined, chip: ChipLookup, clean: (s: string) => string): ResolvedRun[][] {
  const paragraphs: ResolvedRun[][] = [[]]
  for (const node of content ?? []) {
    const runs = paragraphs[paragraphs.length - 1]
    if (node.type === 'hardBreak') {
      paragraphs.push([])
    } else if (node.type === 'metric') {
      const { text, missing } = chip(node.attrs.metricId)
      runs.push(missing ? { text: stripXmlIllegal(text), fromMetric: true, missing: true } : { text: stripXmlIllegal(text), fromMetric: true })
    } else {
      const text = clean(node.text)
      if (text === '') continue
      const bold = node.marks?.some((m) => m.type === 'bold') ?? false
      const last = runs[runs.length - 1]
      // Adjacent runs with the same look become one: fewer, larger runs in the DOCX.
      if (last && !last.fromMetric && Boolean(last.bold) === bold) last.text += text
      else runs.push(bold ? { text, bold: true } : { text })
    }
  }
  return paragraphs.map(trimEdges)
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
  const clean = options.normalize === false ? stripXmlIllegal : normalizeChineseText
  const defs = new Map<string, MetricDefinition>(template.metrics.map((m) => [m.id, m]))
  const byId = valuesById(values)
  const chip: ChipLookup = (id) => metricChipText(defs.get(id), byId.get(id))

  const blocks = doc.content
  const preambleBlock = blocks[0]?.type === 'preamble' ? blocks[0] : null
  const sectionBlocks = blocks.filter((b): b is SectionJSON => b.type === 'section')
  const numbers = outlineNumbers(sectionBlocks.map((s) => s.attrs.level))

  const preamble = dropTrailingEmpty((preambleBlock?.content ?? []).flatMap((p) => toParagraphs(p.content, chip, clean)))
  const sections = sectionBlocks.map((s, i) => {
    const [titleNode, ...body] = s.content
    return {
      id: s.attrs.id,
      level: s.attrs.level,
      number: numbers[i],
      // A heading is one line: breaks inside it are joined.
      title: toParagraphs(titleNode?.content, chip, clean).flat(),
      paragraphs: dropTrailingEmpty(body.flatMap((p) => toParagraphs(p.content, chip, clean)))
    }
  })

  const { meta } = report
  if (!isValidIsoDate(meta.date)) {
    throw new ReportInputError('成文日期无效，请在报告信息中重新选择成文日期后再导出', 'date')
  }
  const signatures = meta.issuingOrgans.map((o) => stripXmlIllegal(o).trim()).filter((o) => o !== '')
  const addressee = cleanAddressee(stripXmlIllegal(meta.addressee ?? ''))
  return {
    // Not normalised: the space between two joint organs in the title is intended.
    title: stripXmlIllegal(meta.title).trim(),
    addressee: addressee ? `${addressee}：` : '',
    preamble,
    sections,
    signatures,
    dateText: formatChineseDate(meta.date),
    author: signatures.join('、')
  }
}
