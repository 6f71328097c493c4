// A resolved report as the flat list of blocks the page view and the PDF lay out, in reading
// order: title, addressee, body, attachment note, signature, then each attachment on new pages.
import type { ResolvedParagraph, ResolvedReport, ResolvedRun, ResolvedTable } from '../resolved'
import type { SectionLevel } from '../report'
import type { LayoutProfile } from '../layout'
import { pageGeometry } from './geometry'
import { breakTitle } from './title'
import { placeSignature, type PlacedLine, type SignatureRule } from './signature'
import { attachmentNote, type Attachment, type AttachmentTable, type NoteLine } from './attachments'
import { plainTableLayout } from '../plain-table'

export type PageBlock =
  | { kind: 'title'; lines: string[]; keepWithNext?: boolean }
  | { kind: 'blank'; keepWithNext?: boolean }
  | { kind: 'addressee'; text: string; keepWithNext?: boolean }
  | { kind: 'body'; runs: ResolvedRun[]; keepWithNext?: boolean }
  | { kind: 'heading'; level: SectionLevel; runs: ResolvedRun[]; keepWithNext?: boolean }
  | { kind: 'note'; line: NoteLine; keepWithNext?: boolean }
  /**
   * Signature lines then (when there is one) the date, placed per `rule`. The page view and the
   * PDF place them by the rule with the widths Chromium draws (not the estimated `placement`s,
   * which the DOCX uses), so the offsets hold in Chromium's own metrics.
   */
  | { kind: 'signature'; lines: PlacedLine[]; rule: SignatureRule; hasDate: boolean; keepWithNext?: boolean }
  | { kind: 'pageBreak'; keepWithNext?: boolean }
  | { kind: 'attachmentLabel'; text: string; keepWithNext?: boolean }
  | { kind: 'attachmentTitle'; lines: string[]; keepWithNext?: boolean }
  | { kind: 'table'; table: AttachmentTable; keepWithNext?: boolean }
  /** A section's metric table (政务公开 statistics): title, unit note, multi-row header, 小四 text. */
  | { kind: 'tableCaption'; title: string; unitNote: string; keepWithNext?: boolean }
  | { kind: 'metricTable'; table: ResolvedTable; keepWithNext?: boolean }

export type PageBlockKind = PageBlock['kind']

/** Blocks whose lines may be spread over two pages. */
export function isSplittable(block: PageBlock): boolean {
  return block.kind === 'body' || isTable(block)
}

/** Tables are split between rows, their header repeated on every page. */
export function isTable(block: PageBlock): block is Extract<PageBlock, { kind: 'table' | 'metricTable' }> {
  return block.kind === 'table' || block.kind === 'metricTable'
}

/** Body rows of a table block. */
export function tableRowCount(block: PageBlock): number {
  return block.kind === 'table' || block.kind === 'metricTable' ? block.table.rows.length : 0
}

export interface BlockOptions {
  signatureRule: SignatureRule
  attachments: readonly Attachment[]
}

const runsText = (runs: ResolvedRun[]) => runs.map((r) => r.text).join('')
const nonBlank = (p: ResolvedParagraph) => p.table !== undefined || runsText(p.runs).trim() !== ''

/**
 * Which headings stay on a page with what follows: a heading with text or a table under it, or
 * one whose next section is its sub-heading and itself keeps. An empty heading (a fresh draft's
 * 一、 with nothing written yet) keeps with nothing, so a run of them cannot chain to the
 * signature and push the body off page 1. Shared by the page view, the PDF and the DOCX.
 */
export function headingKeepsWithNext(sections: ReadonlyArray<{ level: SectionLevel; paragraphs: ResolvedParagraph[]; tables?: ResolvedTable[] }>): boolean[] {
  const keeps = sections.map(() => false)
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i]
    const hasContent = s.paragraphs.some(nonBlank) || (s.tables?.length ?? 0) > 0
    const next = sections[i + 1]
    keeps[i] = hasContent || (next !== undefined && next.level > s.level && keeps[i + 1])
  }
  return keeps
}

export function reportBlocks(report: ResolvedReport, profile: LayoutProfile, options: BlockOptions): PageBlock[] {
  const geo = pageGeometry(profile)
  const blocks: PageBlock[] = []
  const title = report.title.trim()
  if (title !== '') blocks.push({ kind: 'title', lines: breakTitle(title, geo.titleCharsPerLine), keepWithNext: true })
  if (report.addressee.trim() !== '') {
    blocks.push({ kind: 'blank', keepWithNext: true })
    blocks.push({ kind: 'addressee', text: report.addressee.trim(), keepWithNext: true })
  }
  // An imported plain table is laid out like an attachment table (header repeated on each page).
  const body = (p: ResolvedParagraph): PageBlock =>
    p.table ? { kind: 'table', table: plainTableLayout(p.table, profile.charsPerLine) } : { kind: 'body', runs: p.runs }
  for (const p of report.preamble.filter(nonBlank)) blocks.push(body(p))
  const keeps = headingKeepsWithNext(report.sections)
  for (const [i, s] of report.sections.entries()) {
    blocks.push({ kind: 'heading', level: s.level, runs: [{ text: s.number }, ...s.title], keepWithNext: keeps[i] })
    for (const p of s.paragraphs.filter(nonBlank)) blocks.push(body(p))
    for (const t of s.tables ?? []) {
      blocks.push({ kind: 'tableCaption', title: t.title, unitNote: t.unitNote, keepWithNext: true })
      blocks.push({ kind: 'metricTable', table: t })
    }
  }

  // The closing group stays together on one page (keepWithNext chains it to the signature).
  const note = attachmentNote(options.attachments)
  if (note.length > 0) {
    blocks.push({ kind: 'blank', keepWithNext: true })
    for (const line of note) blocks.push({ kind: 'note', line, keepWithNext: true })
  }
  const signature = placeSignature(options.signatureRule, report.signatures, report.dateText, profile.charsPerLine)
  if (signature.lines.length > 0) {
    for (let i = 0; i < signature.blankLinesBefore; i++) blocks.push({ kind: 'blank', keepWithNext: true })
    blocks.push({ kind: 'signature', lines: signature.lines, rule: options.signatureRule, hasDate: report.dateText.trim() !== '' })
  } else if (note.length > 0) {
    // Nothing to chain the note to: let the last note line end the chain.
    const last = blocks[blocks.length - 1]
    last.keepWithNext = false
  }

  for (const a of options.attachments) {
    blocks.push({ kind: 'pageBreak' })
    // "附件N" on line 1, the title centred on line 3, content after one more blank line.
    blocks.push({ kind: 'attachmentLabel', text: a.label, keepWithNext: true })
    blocks.push({ kind: 'blank', keepWithNext: true })
    blocks.push({ kind: 'attachmentTitle', lines: breakTitle(a.title, geo.titleCharsPerLine), keepWithNext: true })
    blocks.push({ kind: 'blank', keepWithNext: true })
    if (a.table) blocks.push({ kind: 'table', table: a.table })
    for (const p of a.paragraphs) blocks.push({ kind: 'body', runs: [{ text: p }] })
    const last = blocks[blocks.length - 1]
    if (last.kind === 'blank') last.keepWithNext = false
  }
  return blocks
}
