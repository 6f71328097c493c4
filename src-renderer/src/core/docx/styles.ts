// The Word styles of a report: every look is a named style, so runs carry only what differs
// (bold, the figure character style) and a clerk editing the file in Word or WPS finds usable
// styles (正文, 标题 1–4, 标题, 主送机关, 签名, 日期, 附件说明, 表格文字 …). Built-in styles are named as
// Word names them ("Normal", "heading 1", "Title", "Signature", "Date"): Word and WPS match
// built-ins by name and show them localised.
import { AlignmentType, LineRuleType, type ICharacterStyleOptions, type IParagraphStyleOptions, type ISpacingProperties } from 'docx'
import type { SectionLevel } from '../report'
import { charsToTwips, type LayoutProfile } from '../layout'

export const STYLE = {
  normal: 'Normal',
  /** Body text is Normal (正文 in Chinese Word): what a clerk types in Word looks like the report. */
  body: 'Normal',
  title: 'Title',
  addressee: 'HbAddressee',
  signature: 'Signature',
  date: 'Date',
  attachmentNote: 'HbAttachmentNote',
  attachmentLabel: 'HbAttachmentLabel',
  tableText: 'HbTableText',
  tableHeader: 'HbTableHeader',
  formText: 'HbFormText',
  formHeader: 'HbFormHeader',
  formCaption: 'HbFormCaption',
  pageNumber: 'HbPageNumber',
  commentText: 'HbCommentText',
  /** Character style of text that came from a metric (a figure the clerk typed once). */
  figure: 'HbFigure'
} as const

/** Style ids Word and WPS recognise as the built-in headings (matched by the name "heading N"). */
export const HEADING_STYLE_IDS: Record<SectionLevel, string> = {
  1: 'Heading1',
  2: 'Heading2',
  3: 'Heading3',
  4: 'Heading4'
}

/**
 * Paragraph styles that leave the character grid (w:snapToGrid off; the package step writes it,
 * docx 9 has no option): the grid stays in the section so Word's page setup shows 22 × 28, and
 * our text reaches 28 characters a line through the styles' run condensing instead, which
 * LibreOffice renders the same way (on the grid it spreads 16 pt characters over two cells).
 */
export const GRID_FREE_STYLE_IDS: readonly string[] = [
  STYLE.normal,
  ...Object.values(HEADING_STYLE_IDS),
  STYLE.title,
  STYLE.addressee,
  STYLE.signature,
  STYLE.date,
  STYLE.attachmentNote,
  STYLE.attachmentLabel,
  STYLE.tableText,
  STYLE.tableHeader,
  STYLE.formText,
  STYLE.formHeader,
  STYLE.formCaption,
  STYLE.pageNumber,
  STYLE.commentText
]

/** 五号 (10.5 pt): what official forms use inside tables; the body's 三号 would not fit 8 columns. */
export const TABLE_FONT_HALF_POINTS = 21

export const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' }

/** Every slot set, so quotes, dashes and digits do not fall back to a Latin face. */
export function fontSlots(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' as const }
}

export function headingFont(profile: LayoutProfile, level: SectionLevel): string {
  const f = profile.fonts
  return level === 1 ? f.heading1 : level === 2 ? f.heading2 : level === 3 ? f.heading3 : f.heading4
}

export function exactSpacing(profile: LayoutProfile): ISpacingProperties {
  return { line: profile.lineSpacingTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
}

/** Two-character first-line indent; firstLineChars wins in Word/WPS, twips in renderers that ignore it. */
export function bodyIndent(profile: LayoutProfile) {
  return { firstLine: charsToTwips(profile, 2), firstLineChars: 200, left: 0, right: 0 }
}

/** Written explicitly so no inherited first-line indent leaks into non-body paragraphs. */
export const NO_INDENT = { firstLine: 0, firstLineChars: 0, left: 0, right: 0 }

/** Every face the styles name, for the font table. */
export function usedFonts(profile: LayoutProfile): string[] {
  return [...new Set(Object.values(profile.fonts))]
}

export function paragraphStyles(profile: LayoutProfile): IParagraphStyleOptions[] {
  const f = profile.fonts
  const condensed = profile.characterSpacingTwips || undefined
  const spacing = exactSpacing(profile)
  const tableSpacing = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }
  const style = (id: string, name: string, rest: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    ...rest
  })
  return [
    // Normal is the body text (正文): 三号 body face, two-character first-line indent, justified,
    // exact grid line, condensed to 28 characters a line; widow/orphan control off (the package
    // step writes it: it would leave pages at 21 lines, the standard fills all 22). It carries the
    // font and size itself, not only docDefaults: LibreOffice sizes the character grid from
    // Normal's East-Asian font size (12 pt when absent), which would put each 16 pt character on
    // two grid cells. Every other style sets its own indent, alignment and spacing.
    {
      id: STYLE.normal,
      name: 'Normal',
      next: STYLE.normal,
      quickFormat: true,
      run: { font: fontSlots(f.body), size: profile.sizes.body, language: LANGUAGE, characterSpacing: condensed },
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing, indent: bodyIndent(profile) }
    },
    ...([1, 2, 3, 4] as const).map((level) =>
      style(HEADING_STYLE_IDS[level], `heading ${level}`, {
        // The standard uses no bold; Word's own heading styles would add it.
        run: { font: fontSlots(headingFont(profile, level)), size: profile.sizes.heading, bold: false, color: '000000' },
        paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true, spacing, indent: bodyIndent(profile) }
      })
    ),
    style(STYLE.title, 'Title', {
      next: STYLE.normal,
      run: { font: fontSlots(f.title), size: profile.sizes.title, bold: profile.titleBold, color: '000000', characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.CENTER, spacing, indent: NO_INDENT }
    }),
    style(STYLE.addressee, '主送机关', { run: { characterSpacing: condensed }, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing, indent: NO_INDENT } }),
    style(STYLE.signature, 'Signature', { next: STYLE.date, run: { characterSpacing: condensed }, paragraph: { alignment: AlignmentType.RIGHT, spacing, indent: NO_INDENT } }),
    style(STYLE.date, 'Date', { run: { characterSpacing: condensed }, paragraph: { alignment: AlignmentType.LEFT, spacing, indent: NO_INDENT } }),
    style(STYLE.attachmentNote, '附件说明', { run: { characterSpacing: condensed }, paragraph: { alignment: AlignmentType.LEFT, keepNext: true, spacing, indent: NO_INDENT } }),
    style(STYLE.attachmentLabel, '附件标记', { run: { font: fontSlots(f.heading1), characterSpacing: 0 }, paragraph: { alignment: AlignmentType.LEFT, keepNext: true, spacing, indent: NO_INDENT } }),
    style(STYLE.tableText, '表格文字', { run: { characterSpacing: condensed }, paragraph: { alignment: AlignmentType.LEFT, spacing, indent: NO_INDENT } }),
    style(STYLE.tableHeader, '表格标题行', { basedOn: STYLE.tableText, run: { font: fontSlots(f.heading1) }, paragraph: { alignment: AlignmentType.CENTER } }),
    // Statistical forms sit outside the 22-line grid: single spacing, 五号.
    style(STYLE.formText, '统计表文字', { run: { size: TABLE_FONT_HALF_POINTS, characterSpacing: 0 }, paragraph: { alignment: AlignmentType.RIGHT, spacing: tableSpacing, indent: NO_INDENT } }),
    style(STYLE.formHeader, '统计表表头', { basedOn: STYLE.formText, run: { font: fontSlots(f.heading1) }, paragraph: { alignment: AlignmentType.CENTER } }),
    style(STYLE.formCaption, '统计表标题', {
      run: { font: fontSlots(f.heading1), size: TABLE_FONT_HALF_POINTS + 3, characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO }, indent: NO_INDENT }
    }),
    style(STYLE.pageNumber, '公文页码', {
      next: STYLE.pageNumber,
      run: { font: fontSlots(f.pageNumber), size: profile.sizes.pageNumber, characterSpacing: 0 },
      paragraph: { spacing: { line: profile.pageNumber.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, indent: NO_INDENT }
    }),
    style(STYLE.commentText, '批注文字', {
      next: STYLE.commentText,
      run: { size: TABLE_FONT_HALF_POINTS, characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.LEFT, spacing: tableSpacing, indent: NO_INDENT }
    })
  ]
}

export function characterStyles(): ICharacterStyleOptions[] {
  // Looks like the text around it; marks a figure so it can be found (and highlighted) in Word.
  return [{ id: STYLE.figure, name: '指标数值', basedOn: 'DefaultParagraphFont', quickFormat: true, run: {} }]
}
