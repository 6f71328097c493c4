// Metric tables in the Word document (e.g. the disclosure report's statistical tables): a
// centred caption, the unit note on the right, then a fixed-layout table with explicit column
// widths (WPS hides tables without them), header rows repeated on every page, spans as in
// the official form, and numbers right-aligned. build.ts calls metricTableBlocks per section.
import {
  AlignmentType,
  BorderStyle,
  OnOffElement,
  Paragraph,
  type IParagraphOptions,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType
} from 'docx'
import { typeAreaWidthTwips, type LayoutProfile } from '../layout'
import type { ResolvedTable } from '../metric-tables'

/** 五号 (10.5 pt): what official forms use inside tables; the body's 三号 would not fit 8 columns. */
export const TABLE_FONT_HALF_POINTS = 21

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }

function fonts(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name }
}

/**
 * Off the document's character grid (w:snapToGrid off, placed before w:spacing as the schema
 * wants; docx 9 has no option for it): on the grid, 五号 text would be spread over 三号 cells.
 */
function gridFree(options: IParagraphOptions): Paragraph {
  const p = new Paragraph(options)
  const props = (p as unknown as { properties?: { root?: unknown[] } }).properties
  if (!props || !Array.isArray(props.root)) throw new Error('docx: paragraph properties not found')
  const at = props.root.findIndex((c) => (c as { rootKey?: string }).rootKey === 'w:spacing')
  props.root.splice(at < 0 ? props.root.length : at, 0, new OnOffElement('w:snapToGrid', false))
  return p
}

function cellParagraph(text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], font: string, indentTwips = 0, bold = false): Paragraph {
  return gridFree({
    alignment: align,
    // Tables sit outside the 22-line grid: single spacing, no first-line indent.
    spacing: { before: 0, after: 0, line: 240 },
    indent: { firstLine: 0, left: indentTwips, right: 0 },
    children: [new TextRun({ text, font: fonts(font), size: TABLE_FONT_HALF_POINTS, bold })]
  })
}

/** Column widths in twips, summing to the type area width. */
export function metricTableWidths(profile: LayoutProfile, table: ResolvedTable): number[] {
  const total = typeAreaWidthTwips(profile)
  const widths = table.columnFractions.map((f) => Math.floor(f * total))
  widths[0] += total - widths.reduce((a, b) => a + b, 0)
  return widths
}

export function metricTableBlocks(profile: LayoutProfile, table: ResolvedTable): Array<Paragraph | Table> {
  const widths = metricTableWidths(profile, table)
  const body = profile.fonts.body
  const headFont = profile.fonts.heading1
  const blocks: Array<Paragraph | Table> = []

  blocks.push(
    gridFree({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60, line: 240 },
      indent: { firstLine: 0 },
      children: [new TextRun({ text: table.title, font: fonts(headFont), size: TABLE_FONT_HALF_POINTS + 3 })]
    })
  )
  if (table.unitNote) blocks.push(gridFree({ keepNext: true, alignment: AlignmentType.RIGHT, spacing: { before: 0, after: 40, line: 240 }, indent: { firstLine: 0 }, children: [new TextRun({ text: table.unitNote, font: fonts(body), size: TABLE_FONT_HALF_POINTS })] }))

  // Which grid column each header cell starts at: rowSpans from rows above occupy columns.
  const occupied: number[][] = table.header.map(() => [])
  const headerRows = table.header.map((cells, r) => {
    let col = 0
    const out: TableCell[] = []
    for (const cell of cells) {
      while (occupied[r].includes(col)) col++
      const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0)
      for (let rr = r + 1; rr < r + cell.rowSpan; rr++) for (let c = col; c < col + cell.colSpan; c++) occupied[rr].push(c)
      out.push(
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
          rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          borders: BORDERS,
          children: [cellParagraph(cell.text, AlignmentType.CENTER, cell.corner ? body : headFont)]
        })
      )
      col += cell.colSpan
    }
    return new TableRow({ tableHeader: true, cantSplit: true, children: out })
  })

  const dataColumns = table.columnFractions.length - (table.rowHeader ? 1 : 0)
  const offset = table.rowHeader ? 1 : 0
  const bodyRows = table.rows.map((row) => {
    const cells: TableCell[] = []
    if (table.rowHeader) {
      cells.push(
        new TableCell({
          width: { size: widths[0], type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          borders: BORDERS,
          children: [cellParagraph(row.label, AlignmentType.LEFT, body, row.indent * 210, row.heading)]
        })
      )
    }
    for (let i = 0; i < dataColumns; i++) {
      const cell = row.cells[i]
      cells.push(
        new TableCell({
          width: { size: widths[i + offset], type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          borders: BORDERS,
          children: [cellParagraph(cell?.text ?? '', AlignmentType.RIGHT, body)]
        })
      )
    }
    return new TableRow({ cantSplit: true, children: cells })
  })

  blocks.push(
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [...headerRows, ...bodyRows]
    })
  )
  return blocks
}
