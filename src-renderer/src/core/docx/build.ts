// Builds a GB/T 9704 Word document from a resolved report. Pure: no DOM, no file system, so
// the same code runs in the renderer bundle and in Node tests.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
  type IRunOptions
} from 'docx'
import type { ResolvedParagraph, ResolvedReport, ResolvedRun } from '../resolved'
import type { SectionLevel } from '../report'
import { HEADING_STYLE_IDS, LANGUAGE, NO_INDENT, STYLE, characterStyles, exactSpacing, fontSlots, paragraphStyles } from './styles'
import { GBT9704_PROFILE, charsToTwips, textWidthChars, typeAreaWidthTwips, type LayoutProfile } from '../layout'
import { xmlSafeInputs, xmlSafeDeep } from './xml-safe'
import { reviewComments, reviewRuns } from './review'
import { metricTableBlocks } from './tables'
import { plainTableLayout } from '../plain-table'
import { breakTitle } from '../pages/title'
import { headingKeepsWithNext } from '../pages/blocks'
import { placeSignature, type LinePlacement, type SignatureRule } from '../pages/signature'
import { attachmentNote, type Attachment, type AttachmentTable } from '../pages/attachments'

export { HEADING_STYLE_IDS } from './styles'

/**
 * A run: text and only what differs from its paragraph's style — bold, or the figure character
 * style. Fonts, size, condensing and language come from the style (./styles.ts).
 */
interface RunLook {
  bold?: boolean
  figure?: boolean
}

function runOptions(text: string, look: RunLook): IRunOptions {
  return { text, bold: look.bold || undefined, style: look.figure ? STYLE.figure : undefined }
}

/** Text runs for one string; '\n' becomes a line break inside the paragraph. */
function textRuns(text: string, look: RunLook = {}): TextRun[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((piece, i) => new TextRun({ ...runOptions(piece, look), ...(i > 0 ? { break: 1 } : {}) } satisfies IRunOptions))
}

/**
 * Resolved runs as Word runs. Neighbours that look the same are written as one run (the
 * resolver splits text at chips and marks); review marks keep their own runs.
 */
function resolvedRuns(runs: ResolvedRun[]): ParagraphChild[] {
  const out: ParagraphChild[] = []
  let pending: { text: string; look: RunLook } | null = null
  const flush = () => {
    if (pending && pending.text !== '') out.push(...textRuns(pending.text, pending.look))
    pending = null
  }
  for (const run of runs) {
    const look: RunLook = { bold: run.bold || undefined, figure: run.fromMetric || undefined }
    // Review copy only: comment ranges and tracked changes around the run (./review.ts).
    if (run.review) {
      flush()
      out.push(...reviewRuns(run, (text) => runOptions(text, look)))
      continue
    }
    if (pending && pending.look.bold === look.bold && pending.look.figure === look.figure) pending.text += run.text
    else {
      flush()
      pending = { text: run.text, look }
    }
  }
  flush()
  return out
}

function runsText(runs: ResolvedRun[]): string {
  return runs.map((r) => r.text).join('')
}

function isBlank(paragraph: ResolvedParagraph): boolean {
  return paragraph.table === undefined && runsText(paragraph.runs).trim() === ''
}

/** A body paragraph, or an imported plain table laid out as the page view lays it out. */
function bodyBlock(profile: LayoutProfile, paragraph: ResolvedParagraph): Paragraph | Table {
  if (paragraph.table) return attachmentTableBlock(profile, plainTableLayout(paragraph.table, profile.charsPerLine))
  return bodyParagraph(paragraph)
}

/** An empty line of the grid (Normal: the exact line pitch). */
function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ keepNext: keepNext || undefined, children: [] })
}

/** Body text is Normal: nothing on the paragraph but its runs. */
function bodyParagraph(paragraph: ResolvedParagraph): Paragraph {
  return new Paragraph({ children: resolvedRuns(paragraph.runs) })
}

/** Heading styles keep with the next paragraph; an empty heading (nothing under it) does not. */
function headingParagraph(level: SectionLevel, number: string, title: ResolvedRun[], keepsWithNext: boolean): Paragraph {
  return new Paragraph({ style: HEADING_STYLE_IDS[level], keepNext: keepsWithNext ? undefined : false, children: [...textRuns(number), ...resolvedRuns(title)] })
}

/** Where the date line goes: from the left margin, or right-aligned from the right margin. */
export type DatePlacement = { align: 'left'; leftChars: number } | { align: 'right'; rightChars: number }

export interface SignatureLayout {
  /** Right indent of every signature line, in body characters. */
  signatureRightChars: number
  date: DatePlacement
}

/** How many 二号 characters fit the title line (20 for GB/T: titles are not condensed). */
export function titleCharsPerLine(profile: LayoutProfile): number {
  return Math.floor(typeAreaWidthTwips(profile) / (profile.sizes.title * 10))
}

/**
 * Title lines. A title that does not fit one line is broken where the standard wants it, at a
 * word boundary: before "关于" when the organ name comes first ("某某镇人民政府" / "关于……的报告"),
 * the usual shape of a report title, and only when both lines then fit. Explicit line breaks
 * are kept; other long titles are left for the word processor to wrap.
 */
export function splitTitle(title: string, charsPerLine: number): string[] {
  const lines = title.split(/\s*\n\s*/).filter((l) => l !== '')
  if (lines.length !== 1 || textWidthChars(title) <= charsPerLine) return lines
  const at = title.indexOf('关于')
  if (at <= 0) return lines
  const [head, tail] = [title.slice(0, at).trim(), title.slice(at)]
  if (textWidthChars(head) > charsPerLine || textWidthChars(tail) > charsPerLine) return lines
  return [head, tail]
}

/**
 * Signature and date without a seal: signature 右空二字; the date on the next line starts two
 * characters right of the signature's first character. The date is placed by a left indent
 * when it can be: its width depends on half-width digits and on the space Word and
 * LibreOffice add between Chinese and digits, so a right indent would miss by up to a
 * character. If the date is the longer (a short organ name), the standard gives the date
 * 右空二字 and moves the signature left instead. With several organs (joint report) the
 * longest line is the reference and all share one right indent.
 */
export function signatureLayout(signatures: string[], dateText: string, charsPerLine: number): SignatureLayout {
  const s = Math.max(0, ...signatures.map(textWidthChars))
  const d = textWidthChars(dateText)
  if (d > s) return { signatureRightChars: d - s + 4, date: { align: 'right', rightChars: 2 } }
  return { signatureRightChars: 2, date: { align: 'left', leftChars: charsPerLine - 2 - s + 2 } }
}

function placedParagraph(profile: LayoutProfile, style: string, text: string, placement: LinePlacement, keepNext = false): Paragraph {
  return new Paragraph({
    style,
    keepNext: keepNext || undefined,
    // Placement is per report (organ names, date, seal), so it stays on the paragraph.
    alignment: placement.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent:
      placement.align === 'right'
        ? { ...NO_INDENT, right: charsToTwips(profile, placement.rightChars) }
        : { ...NO_INDENT, left: charsToTwips(profile, placement.leftChars) },
    children: textRuns(text)
  })
}

/** Signature and date per the rule (core/pages/signature: the page view places them the same way). */
function signatureBlock(profile: LayoutProfile, report: ResolvedReport, rule: SignatureRule): Paragraph[] {
  const signatures = report.signatures.map((s) => s.trim()).filter((s) => s !== '')
  const date = report.dateText.trim()
  const block = placeSignature(rule, signatures, date, profile.charsPerLine)
  if (block.lines.length === 0) return []
  // The closing lines stay together on one page (keepNext down to the date).
  const blanks = Array.from({ length: block.blankLinesBefore }, () => blankLine(true))
  const last = block.lines.length - 1
  return [...blanks, ...block.lines.map((l, i) => placedParagraph(profile, i === last ? STYLE.date : STYLE.signature, l.text, l.placement, i < last))]
}

/** 附件说明 under the body: "附件：1.名称", wrapped lines under the name (hanging indent). */
function attachmentNoteBlock(profile: LayoutProfile, attachments: readonly Attachment[]): Paragraph[] {
  const lines = attachmentNote(attachments)
  if (lines.length === 0) return []
  return [
    blankLine(true),
    ...lines.map(
      (l) =>
        new Paragraph({
          style: STYLE.attachmentNote,
          indent: { left: charsToTwips(profile, l.hangChars), hanging: charsToTwips(profile, l.hangChars - l.indentChars), right: 0 },
          children: textRuns(l.text)
        })
    )
  ]
}

const CELL_BORDER = { style: 'single' as const, size: 6, color: '000000' }

/**
 * A table with explicit column widths (w:tblGrid/w:gridCol and every w:tcW: WPS hides tables
 * without them) and a header row that repeats on every page (w:tblHeader).
 */
function attachmentTableBlock(profile: LayoutProfile, table: AttachmentTable): Table {
  const widths = table.columns.map((c) => charsToTwips(profile, c.widthChars))
  const cellParagraph = (text: string, header: boolean, center: boolean) =>
    new Paragraph({
      style: header ? STYLE.tableHeader : STYLE.tableText,
      alignment: center && !header ? AlignmentType.CENTER : undefined,
      children: textRuns(text)
    })
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      children: [cellParagraph(text, header, table.columns[i].align === 'center')]
    })
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c, i) => cell(c.header, i, true)) }),
      ...table.rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((t, i) => cell(t, i, false)) }))
    ]
  })
}

/** Each attachment on a new page: "附件N" in 黑体 on line 1, the title centred on line 3. */
function attachmentPages(profile: LayoutProfile, attachments: readonly Attachment[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = []
  for (const a of attachments) {
    out.push(
      new Paragraph({ style: STYLE.attachmentLabel, pageBreakBefore: true, children: textRuns(a.label) }),
      blankLine(),
      new Paragraph({ style: STYLE.title, keepNext: true, children: textRuns(breakTitle(a.title.trim(), titleCharsPerLine(profile)).join('\n')) }),
      blankLine()
    )
    if (a.table) out.push(attachmentTableBlock(profile, a.table))
    for (const p of a.paragraphs) out.push(bodyParagraph({ runs: [{ text: p }] }))
  }
  return out
}

function pageNumberParagraph(profile: LayoutProfile, side: 'odd' | 'even' | 'center'): Paragraph {
  const oneChar = profile.pageNumber.indentChars * profile.sizes.pageNumber * 10
  const placement: Pick<IParagraphOptions, 'alignment' | 'indent'> =
    side === 'odd'
      ? { alignment: AlignmentType.RIGHT, indent: { right: oneChar } }
      : side === 'even'
        ? { alignment: AlignmentType.LEFT, indent: { left: oneChar } }
        : { alignment: AlignmentType.CENTER }
  // "— N —": em dash, space, PAGE field, space, em dash.
  return new Paragraph({ style: STYLE.pageNumber, ...placement, children: [new TextRun({ children: ['\u2014 ', PageNumber.CURRENT, ' \u2014'] })] })
}

/** Per-report choices beyond the profile; the defaults give the standard no-seal layout. */
export interface BuildOptions {
  signatureRule?: SignatureRule
  attachments?: readonly Attachment[]
}

export function buildReportDocument(
  unsafeReport: ResolvedReport,
  unsafeProfile: LayoutProfile = GBT9704_PROFILE,
  unsafeOptions: BuildOptions = {}
): Document {
  // Every string below comes from these three, made XML-legal once (./xml-safe.ts).
  const { report, options } = xmlSafeInputs(unsafeReport, unsafeOptions)
  const profile = xmlSafeDeep(unsafeProfile)
  const children: Array<Paragraph | Table> = []
  const attachments = options.attachments ?? []

  const title = report.title.trim()
  // The same balanced break as the page view and the PDF.
  const titleText = breakTitle(title, titleCharsPerLine(profile)).join('\n')
  children.push(new Paragraph({ style: STYLE.title, children: textRuns(titleText) }))

  const addressee = report.addressee.trim()
  if (addressee !== '') {
    children.push(blankLine())
    children.push(new Paragraph({ style: STYLE.addressee, children: textRuns(addressee) }))
  }

  // Empty paragraphs are editing leftovers; a blank line inside a 公文 body is a layout error.
  for (const p of report.preamble) if (!isBlank(p)) children.push(bodyBlock(profile, p))
  const keeps = headingKeepsWithNext(report.sections)
  for (const [i, section] of report.sections.entries()) {
    children.push(headingParagraph(section.level, section.number, section.title, keeps[i]))
    for (const p of section.paragraphs) if (!isBlank(p)) children.push(bodyBlock(profile, p))
    // Metric tables of the section (docx/tables.ts).
    for (const t of section.tables ?? []) children.push(...metricTableBlocks(profile, t))
  }

  children.push(...attachmentNoteBlock(profile, attachments))
  children.push(...signatureBlock(profile, report, options.signatureRule ?? 'no-seal'))
  children.push(...attachmentPages(profile, attachments))

  const outer = profile.pageNumber.placement === 'outer'
  const footers = outer
    ? {
        default: new Footer({ children: [pageNumberParagraph(profile, 'odd')] }),
        even: new Footer({ children: [pageNumberParagraph(profile, 'even')] })
      }
    : { default: new Footer({ children: [pageNumberParagraph(profile, 'center')] }) }

  const { page, grid } = profile
  const author = report.author.trim()
  return new Document({
    ...reviewComments(report),
    title: title.replace(/\s*\n\s*/g, ''),
    creator: author,
    lastModifiedBy: author,
    evenAndOddHeaderAndFooters: outer,
    styles: {
      default: {
        document: {
          run: { font: fontSlots(profile.fonts.body), size: profile.sizes.body, language: LANGUAGE },
          paragraph: { spacing: exactSpacing(profile) }
        }
      },
      paragraphStyles: paragraphStyles(profile),
      characterStyles: characterStyles()
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.widthTwips, height: page.heightTwips },
            margin: {
              top: page.marginTopTwips,
              bottom: page.marginBottomTwips,
              left: page.marginLeftTwips,
              right: page.marginRightTwips,
              header: page.headerTwips,
              footer: page.footerTwips,
              gutter: 0
            }
          },
          grid: {
            type: grid.type === 'linesAndChars' ? DocumentGridType.LINES_AND_CHARS : DocumentGridType.LINES,
            linePitch: grid.linePitch,
            charSpace: grid.charSpace
          }
        },
        footers,
        children
      }
    ]
  })
}
