// An imported plain table (rows of cell text) laid out like an attachment table: the first row
// is the header (repeated on every page), column widths follow the longest text in each column
// and add up to the line. Shared by the page view/PDF and the Word export so they agree.
import type { AttachmentTable } from './pages/attachments'
import { textWidthChars } from './layout'

export function plainTableLayout(rows: readonly string[][], charsPerLine: number): AttachmentTable {
  const width = Math.max(1, ...rows.map((r) => r.length))
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')])
  const [header = Array<string>(width).fill(''), ...body] = padded
  // Each column gets at least 2 characters; the rest is shared by the widest text in each.
  const want = Array.from({ length: width }, (_, c) => Math.max(2, ...padded.map((r) => Math.ceil(textWidthChars(r[c] ?? '')))))
  const total = want.reduce((a, b) => a + b, 0)
  const widths = want.map((w) => Math.max(2, Math.floor((w / total) * charsPerLine)))
  // Rounding leftovers go to the first column so the widths add up exactly.
  widths[0] += charsPerLine - widths.reduce((a, b) => a + b, 0)
  return {
    columns: header.map((h, c) => ({ header: h, widthChars: widths[c], align: c === 0 ? 'left' : 'center' })),
    rows: body.map((cells) => ({ cells }))
  }
}
