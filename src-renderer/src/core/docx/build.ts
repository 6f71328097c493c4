// Builds a GB/T 9704 Word document from a resolved report. Pure: no DOM, no file system, so
// the same code runs in the renderer bundle and in Node tests.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  OnOffElement,
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
  type IParagraphStyleOptions,
  type IRunOptions,
  type ISpacingProperties
} from 'docx'
import type { ResolvedParagraph, ResolvedReport, ResolvedRun } from '../resolved'
import type { SectionLevel } from '../report'
import { GBT9704_PROFILE, charsToTwips, textWidthChars, typeAreaWidthTwips, type LayoutProfile } from '../layout'
import { stripXmlIllegal } from '../text'
import { reviewComments, reviewRuns } from './review'
import { metricTableBlocks } from './tables'
import { plainTableLayout } from '../plain-table'
import { breakTitle } from '../pages/title'
import { placeSignature, type LinePlacement, type SignatureRule } from '../pages/signature'
import { attachmentNote, type Attachment, type AttachmentTable } from '../pages/attachments'

/** Style ids Word and WPS recognise as the built-in headings (matched by the name "heading N"). */
export const HEADING_STYLE_IDS: Record<SectionLevel, string> = {
  1: 'Heading1',
  2: 'Heading2',
  3: 'Heading3',
  4: 'Heading4'
}

const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' }

/** Every slot set, so quotes, dashes and digits do not fall back to a Latin face. */
function fontSlots(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' }
}

function headingFont(profile: LayoutProfile, level: SectionLevel): string {
  const f = profile.fonts
  return level === 1 ? f.heading1 : level === 2 ? f.heading2 : level === 3 ? f.heading3 : f.heading4
}

function exactSpacing(profile: LayoutProfile): ISpacingProperties {
  return { line: profile.lineSpacingTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
}

/** Two-character first-line indent; firstLineChars wins in Word/WPS, twips in renderers that ignore it. */
function bodyIndent(profile: LayoutProfile) {
  return { firstLine: charsToTwips(profile, 2), firstLineChars: 200, left: 0, right: 0 }
}

/** Written explicitly so no inherited first-line indent leaks into non-body paragraphs. */
const NO_INDENT = { firstLine: 0, firstLineChars: 0, left: 0 }

/**
 * A paragraph that does not snap to the character grid (w:snapToGrid off). The grid stays in the
 * section so Word's page setup shows 22 × 28 and text the user adds follows it; our paragraphs
 * reach 28 characters through run spacing instead, which LibreOffice renders the same way
 * (it spreads grid-snapped 16 pt characters over two 15.79 pt cells). docx 9 has no option for
 * it, so the element is placed where the schema wants it: right before w:spacing.
 */
function gridFreeParagraph(options: IParagraphOptions): Paragraph {
  const p = new Paragraph(options)
  const props = (p as unknown as { properties?: { root?: unknown[] } }).properties
  if (!props || !Array.isArray(props.root)) throw new Error('docx: paragraph properties not found')
  const at = props.root.findIndex((c) => (c as { rootKey?: string }).rootKey === 'w:spacing')
  props.root.splice(at < 0 ? props.root.length : at, 0, new OnOffElement('w:snapToGrid', false))
  return p
}

interface RunStyle {
  font: string
  size: number
  bold?: boolean
  /** Run character spacing in twips (negative condenses). */
  spacing?: number
}

function runOptions(text: string, style: RunStyle): IRunOptions {
  return { text, font: fontSlots(style.font), size: style.size, bold: style.bold || undefined, characterSpacing: style.spacing || undefined, language: LANGUAGE }
}

/** Text runs for one string; '\n' becomes a line break inside the paragraph. */
function textRuns(text: string, style: RunStyle): TextRun[] {
  const clean = stripXmlIllegal(text).replace(/\r\n?/g, '\n')
  return clean.split('\n').map(
    (piece, i) =>
      new TextRun({
        text: piece,
        font: fontSlots(style.font),
        size: style.size,
        bold: style.bold || undefined,
        characterSpacing: style.spacing || undefined,
        language: LANGUAGE,
        ...(i > 0 ? { break: 1 } : {})
      } satisfies IRunOptions)
  )
}

/** Chip text arrives already resolved; it is written as ordinary text, keeping only bold. */
function resolvedRuns(runs: ResolvedRun[], style: RunStyle): ParagraphChild[] {
  return runs.flatMap((run) => {
    const runStyle = { ...style, bold: style.bold || run.bold }
    // Review copy only: comment ranges and tracked changes around the run (./review.ts).
    if (run.review) return reviewRuns(run, (text) => runOptions(text, runStyle))
    return textRuns(run.text, runStyle)
  })
}

function runsText(runs: ResolvedRun[]): string {
  return runs.map((r) => r.text).join('')
}

function isBlank(paragraph: ResolvedParagraph): boolean {
  return paragraph.table === undefined && stripXmlIllegal(runsText(paragraph.runs)).trim() === ''
}

/** A body paragraph, or an imported plain table laid out as the page view lays it out. */
function bodyBlock(profile: LayoutProfile, paragraph: ResolvedParagraph): Paragraph | Table {
  if (paragraph.table) return attachmentTableBlock(profile, plainTableLayout(paragraph.table, profile.charsPerLine))
  return bodyParagraph(profile, paragraph)
}

function blankLine(profile: LayoutProfile, keepNext = false): Paragraph {
  return gridFreeParagraph({
    keepNext: keepNext || undefined,
    spacing: exactSpacing(profile),
    indent: NO_INDENT,
    children: textRuns('', { font: profile.fonts.body, size: profile.sizes.body })
  })
}

function bodyParagraph(profile: LayoutProfile, paragraph: ResolvedParagraph): Paragraph {
  return gridFreeParagraph({
    alignment: AlignmentType.JUSTIFIED,
    // Widow/orphan control would leave pages at 21 lines; the standard fills all 22.
    widowControl: false,
    spacing: exactSpacing(profile),
    indent: bodyIndent(profile),
    children: resolvedRuns(paragraph.runs, { font: profile.fonts.body, size: profile.sizes.body, spacing: profile.characterSpacingTwips })
  })
}

function headingParagraph(profile: LayoutProfile, level: SectionLevel, number: string, title: ResolvedRun[]): Paragraph {
  const style: RunStyle = { font: headingFont(profile, level), size: profile.sizes.heading, spacing: profile.characterSpacingTwips }
  return gridFreeParagraph({
    style: HEADING_STYLE_IDS[level],
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactSpacing(profile),
    indent: bodyIndent(profile),
    children: [...textRuns(number, style), ...resolvedRuns(title, style)]
  })
}

/**
 * Normal carries the body font and size itself, not only docDefaults: LibreOffice sizes the
 * character grid from Normal's East-Asian font size (12 pt when absent), which would put each
 * 16 pt character on two grid cells and about 20 characters on a line instead of 28.
 */
function normalStyle(profile: LayoutProfile): IParagraphStyleOptions {
  return {
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    run: { font: fontSlots(profile.fonts.body), size: profile.sizes.body, language: LANGUAGE },
    paragraph: { spacing: exactSpacing(profile) }
  }
}

function headingStyles(profile: LayoutProfile): IParagraphStyleOptions[] {
  return ([1, 2, 3, 4] as const).map((level) => ({
    id: HEADING_STYLE_IDS[level],
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: {
      font: fontSlots(headingFont(profile, level)),
      size: profile.sizes.heading,
      // The standard uses no bold; Word's own heading styles would add it.
      bold: false,
      color: '000000'
    },
    paragraph: {
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      spacing: exactSpacing(profile),
      indent: bodyIndent(profile)
    }
  }))
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

function placedParagraph(profile: LayoutProfile, text: string, placement: LinePlacement, keepNext = false): Paragraph {
  const style: RunStyle = { font: profile.fonts.body, size: profile.sizes.body, spacing: profile.characterSpacingTwips }
  return gridFreeParagraph({
    keepNext: keepNext || undefined,
    alignment: placement.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: exactSpacing(profile),
    indent:
      placement.align === 'right'
        ? { ...NO_INDENT, right: charsToTwips(profile, placement.rightChars) }
        : { ...NO_INDENT, left: charsToTwips(profile, placement.leftChars), right: 0 },
    children: textRuns(text, style)
  })
}

/** Signature and date per the rule (core/pages/signature: the page view places them the same way). */
function signatureBlock(profile: LayoutProfile, report: ResolvedReport, rule: SignatureRule): Paragraph[] {
  const signatures = report.signatures.map((s) => stripXmlIllegal(s).trim()).filter((s) => s !== '')
  const date = stripXmlIllegal(report.dateText).trim()
  const block = placeSignature(rule, signatures, date, profile.charsPerLine)
  if (block.lines.length === 0) return []
  // The closing lines stay together on one page (keepNext down to the date).
  const blanks = Array.from({ length: block.blankLinesBefore }, () => blankLine(profile, true))
  return [...blanks, ...block.lines.map((l, i) => placedParagraph(profile, l.text, l.placement, i < block.lines.length - 1))]
}

/** 附件说明 under the body: "附件：1.名称", wrapped lines under the name (hanging indent). */
function attachmentNoteBlock(profile: LayoutProfile, attachments: readonly Attachment[]): Paragraph[] {
  const lines = attachmentNote(attachments)
  if (lines.length === 0) return []
  const style: RunStyle = { font: profile.fonts.body, size: profile.sizes.body, spacing: profile.characterSpacingTwips }
  return [
    blankLine(profile, true),
    ...lines.map((l) =>
      gridFreeParagraph({
        keepNext: true,
        alignment: AlignmentType.LEFT,
        spacing: exactSpacing(profile),
        indent: { left: charsToTwips(profile, l.hangChars), hanging: charsToTwips(profile, l.hangChars - l.indentChars), right: 0 },
        children: textRuns(l.text, style)
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
  const cellParagraph = (text: string, center: boolean, font: string) =>
    gridFreeParagraph({
      alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: exactSpacing(profile),
      indent: { ...NO_INDENT, right: 0 },
      children: textRuns(text, { font, size: profile.sizes.body, spacing: profile.characterSpacingTwips })
    })
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      children: [cellParagraph(text, header || table.columns[i].align === 'center', header ? profile.fonts.heading1 : profile.fonts.body)]
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
      gridFreeParagraph({
        pageBreakBefore: true,
        keepNext: true,
        alignment: AlignmentType.LEFT,
        spacing: exactSpacing(profile),
        indent: { ...NO_INDENT, right: 0 },
        children: textRuns(a.label, { font: profile.fonts.heading1, size: profile.sizes.body })
      }),
      blankLine(profile),
      gridFreeParagraph({
        keepNext: true,
        alignment: AlignmentType.CENTER,
        spacing: exactSpacing(profile),
        indent: { ...NO_INDENT, right: 0 },
        children: textRuns(breakTitle(stripXmlIllegal(a.title).trim(), titleCharsPerLine(profile)).join('\n'), {
          font: profile.fonts.title,
          size: profile.sizes.title,
          bold: profile.titleBold
        })
      }),
      blankLine(profile)
    )
    if (a.table) out.push(attachmentTableBlock(profile, a.table))
    for (const p of a.paragraphs) out.push(bodyParagraph(profile, { runs: [{ text: p }] }))
  }
  return out
}

function pageNumberParagraph(profile: LayoutProfile, side: 'odd' | 'even' | 'center'): Paragraph {
  const oneChar = profile.pageNumber.indentChars * profile.sizes.pageNumber * 10
  const placement: Pick<IParagraphOptions, 'alignment' | 'indent'> =
    side === 'odd'
      ? { alignment: AlignmentType.RIGHT, indent: { ...NO_INDENT, right: oneChar } }
      : side === 'even'
        ? { alignment: AlignmentType.LEFT, indent: { ...NO_INDENT, left: oneChar, right: 0 } }
        : { alignment: AlignmentType.CENTER, indent: { ...NO_INDENT, right: 0 } }
  return gridFreeParagraph({
    ...placement,
    spacing: { line: profile.pageNumber.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [
      new TextRun({
        // "— N —": em dash, space, PAGE field, space, em dash.
        children: ['\u2014 ', PageNumber.CURRENT, ' \u2014'],
        font: fontSlots(profile.fonts.pageNumber),
        size: profile.sizes.pageNumber,
        language: LANGUAGE
      })
    ]
  })
}

/** Per-report choices beyond the profile; the defaults give the standard no-seal layout. */
export interface BuildOptions {
  signatureRule?: SignatureRule
  attachments?: readonly Attachment[]
}

export function buildReportDocument(
  report: ResolvedReport,
  profile: LayoutProfile = GBT9704_PROFILE,
  options: BuildOptions = {}
): Document {
  const body = { font: profile.fonts.body, size: profile.sizes.body, spacing: profile.characterSpacingTwips }
  const children: Array<Paragraph | Table> = []
  const attachments = options.attachments ?? []

  const title = stripXmlIllegal(report.title).trim()
  // The same balanced break as the page view and the PDF.
  const titleText = breakTitle(title, titleCharsPerLine(profile)).join('\n')
  children.push(
    gridFreeParagraph({
      alignment: AlignmentType.CENTER,
      spacing: exactSpacing(profile),
      indent: { ...NO_INDENT, right: 0 },
      children: textRuns(titleText, { font: profile.fonts.title, size: profile.sizes.title, bold: profile.titleBold })
    })
  )

  const addressee = stripXmlIllegal(report.addressee).trim()
  if (addressee !== '') {
    children.push(blankLine(profile))
    children.push(
      gridFreeParagraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: exactSpacing(profile),
        indent: { ...NO_INDENT, right: 0 },
        children: textRuns(addressee, body)
      })
    )
  }

  // Empty paragraphs are editing leftovers; a blank line inside a 公文 body is a layout error.
  for (const p of report.preamble) if (!isBlank(p)) children.push(bodyBlock(profile, p))
  for (const section of report.sections) {
    children.push(headingParagraph(profile, section.level, section.number, section.title))
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
  const author = stripXmlIllegal(report.author).trim()
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
      paragraphStyles: [normalStyle(profile), ...headingStyles(profile)]
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
