// Metric tables in the Word document (e.g. the disclosure report's statistical tables): a
// centred caption, the unit note on the right, then a fixed-layout table with explicit column
// widths (WPS hides tables without them), header rows repeated on every page, spans as in
// the official form, and numbers right-aligned. build.ts calls metricTableBlocks per section.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
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
import { STYLE } from './styles'

export { TABLE_FONT_HALF_POINTS } from './styles'

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }

/** A cell's paragraph: 统计表文字 (numbers right-aligned) or 统计表表头; the look is the style's. */
function cellParagraph(text: string, kind: 'number' | 'label' | 'header' | 'corner', indentTwips = 0, bold = false): Paragraph {
  return new Paragraph({
    style: kind === 'header' ? STYLE.formHeader : STYLE.formText,
    alignment: kind === 'label' ? AlignmentType.LEFT : kind === 'corner' ? AlignmentType.CENTER : undefined,
    indent: indentTwips ? { left: indentTwips } : undefined,
    children: [new TextRun({ text, bold: bold || undefined })]
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
  const blocks: Array<Paragraph | Table> = []

  blocks.push(new Paragraph({ style: STYLE.formCaption, children: [new TextRun(table.title)] }))
  if (table.unitNote) blocks.push(new Paragraph({ style: STYLE.formText, keepNext: true, spacing: { after: 40 }, children: [new TextRun(table.unitNote)] }))

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
          children: [cellParagraph(cell.text, cell.corner ? 'corner' : 'header')]
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
          children: [cellParagraph(row.label, 'label', row.indent * 210, row.heading)]
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
          children: [cellParagraph(cell?.text ?? '', 'number')]
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
