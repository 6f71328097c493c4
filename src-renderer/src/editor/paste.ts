// Pasting from Word, WPS and web pages: keep paragraphs and bold, drop all foreign styling
// (mso-* styles, classes, fonts, comments, <o:p>, Word's _GoBack bookmark) and normalise the
// Chinese text. Tables (HTML from Excel, WPS 表格, Word, web pages; tab-separated text) become
// plainTable nodes, rows of cell text. Our own copies (marked data-pm-slice by ProseMirror) pass
// through untouched, so chips, sections and tables copy within the editor.
import { Fragment, Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model'
import { NodeSelection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { normalizeChineseText } from '@core/text'
import { parsePasteGrid } from '@core/table-entry'

export interface PastedRun {
  text: string
  bold: boolean
}

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TR', 'TABLE', 'UL', 'OL',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'PRE', 'DD', 'DT', 'DL', 'TD', 'TH', 'ADDRESS', 'FIGURE', 'CAPTION'
])
/** Subtrees whose text is never content. */
const SKIP_TAGS = new Set(['STYLE', 'SCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'XML', 'TEMPLATE', 'NOSCRIPT', 'IMG', 'SVG', 'OBJECT', 'IFRAME'])

const BOOKMARK_MARKER = /\[bookmark:\s*[^\]]*\]/g

function isBoldElement(el: Element): boolean {
  if (el.tagName === 'B' || el.tagName === 'STRONG') return true
  // WPS and some web pages mark bold with an inline style instead of <b>.
  const weight = (el.getAttribute('style') ?? '').match(/font-weight\s*:\s*([a-z0-9]+)/i)?.[1]
  return weight !== undefined && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600)
}

function isSkipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase()
  if (SKIP_TAGS.has(tag) || tag.includes(':')) return true // <o:p>, <v:shape>, <w:…>
  const style = el.getAttribute('style') ?? ''
  // Word's hidden list-number helpers and comment anchors/references.
  if (/mso-list\s*:\s*ignore/i.test(style) || /display\s*:\s*none/i.test(style)) return true
  if (/mso-comment|msocom/i.test(el.className + ' ' + (el.getAttribute('id') ?? '') + ' ' + style)) return true
  return false
}

/** A pasted block: a paragraph of runs, or a table as rows of cell text (a plainTable). */
export type PastedBlock = { type: 'paragraph'; runs: PastedRun[] } | { type: 'table'; rows: string[][] }

/**
 * Paragraphs and tables from pasted HTML, in order; empty paragraphs are dropped. A <table>
 * (Excel, WPS 表格, Word, a web page) becomes rows of cell text: see tableRows. Needs a DOMParser.
 */
export function parsePastedBlocks(html: string, normalize: (text: string) => string = normalizeChineseText): PastedBlock[] {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  // Excel and WPS 表格 mark their clipboard HTML: everything they put there is a data table.
  const fromSpreadsheet = /Excel\.Sheet|urn:schemas-microsoft-com:office:excel/i.test(html.slice(0, 2000))
  const raw: Array<PastedRun[] | string[][]> = []
  let current: PastedRun[] = []

  const breakParagraph = () => {
    if (current.length) raw.push(current)
    current = []
  }
  const walk = (node: Node, bold: boolean) => {
    if (node.nodeType === 3) {
      // Word/HTML line-wrapping inside a paragraph is not a break.
      const text = (node.nodeValue ?? '').replace(/[\r\n\t]+/g, ' ')
      if (text) current.push({ text, bold })
      return
    }
    if (node.nodeType !== 1) return // comments, processing instructions
    const el = node as Element
    if (isSkipped(el)) return
    const tag = el.tagName.toUpperCase()
    if (tag === 'BR') {
      breakParagraph()
      return
    }
    // A Word tab (nbsp-filled span) would be cleaned away between Chinese words: a full-width space instead.
    if (/mso-tab-count/i.test(el.getAttribute('style') ?? '')) {
      current.push({ text: '\u3000', bold })
      return
    }
    if (tag === 'TABLE' && (fromSpreadsheet || isDataTable(el)) && columnsOf(el) <= MAX_COLUMNS) {
      breakParagraph()
      const caption = Array.from(el.children).find((c) => c.tagName.toUpperCase() === 'CAPTION')
      if (caption) walk(caption, bold)
      breakParagraph()
      const rows = tableRows(el, normalize)
      // One cell (a single Excel cell copied) is text, not a table.
      if (rows.length === 1 && rows[0].length === 1) rows[0][0].split('\n').forEach((line) => raw.push([{ text: line, bold: false }]))
      else if (rows.length) raw.push(rows)
      return
    }
    // Everything else, a web page's layout table too (the article in one big cell, a navigation
    // column…): its text as paragraphs; a read-only table of prose helps nobody.
    const block = BLOCK_TAGS.has(tag)
    if (block) breakParagraph()
    const childBold = bold || isBoldElement(el)
    el.childNodes.forEach((child) => walk(child, childBold))
    if (block) breakParagraph()
  }
  walk(doc.body, false)
  breakParagraph()

  const out: PastedBlock[] = []
  for (const item of raw) {
    if (isTableRows(item)) {
      out.push({ type: 'table', rows: item })
      continue
    }
    const merged: PastedRun[] = []
    for (const run of item) {
      const text = run.text.replace(BOOKMARK_MARKER, '').replace(/\u00a0/g, ' ')
      if (!text) continue
      const last = merged[merged.length - 1]
      if (last && last.bold === run.bold) last.text += text
      else merged.push({ text, bold: run.bold })
    }
    const cleaned = normalizeRuns(merged, normalize)
    if (cleaned.length) out.push({ type: 'paragraph', runs: cleaned })
  }
  return out
}

/** More than this many characters in one cell is prose laid out by a page, not a figure. */
const LAYOUT_CELL_CHARS = 300
/**
 * Word's limit. A wider paste goes in as text: a few bytes of colspan="100" cells would
 * otherwise spread into a grid of hundreds of thousands of empty cells.
 */
export const MAX_COLUMNS = 63

/**
 * A table of data (Word's tables, a web page's figures), not a web page's layout grid: no
 * presentation role, no table inside it, at least two columns, and no cell holding a passage.
 */
function isDataTable(table: Element): boolean {
  const role = (table.getAttribute('role') ?? '').toLowerCase()
  if (role === 'presentation' || role === 'none') return false
  if (table.querySelector('table')) return false
  if (columnsOf(table) < 2) return false
  return !ownRows(table).flatMap(cellsOf).some((c) => (c.textContent ?? '').replace(/\s+/g, '').length > LAYOUT_CELL_CHARS)
}

/** Width of the table's widest row, merged cells counted by their span. */
function columnsOf(table: Element): number {
  return Math.max(0, ...ownRows(table).map((tr) => cellsOf(tr).reduce((n, c) => n + spanOf(c, 'colspan', 100), 0)))
}

/** The table's own rows (not those of a table nested in a cell). */
function ownRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table)
}

/** A row's cells (td and th). */
function cellsOf(tr: Element): Element[] {
  return Array.from(tr.children).filter((c) => /^(TD|TH)$/i.test(c.tagName))
}

function isTableRows(item: PastedRun[] | string[][]): item is string[][] {
  return item.length > 0 && Array.isArray(item[0])
}

/** Paragraphs of runs from pasted HTML; a table's rows come out as paragraphs of cells joined by a full-width space. */
export function parsePastedHTML(html: string, normalize: (text: string) => string = normalizeChineseText): PastedRun[][] {
  return parsePastedBlocks(html, normalize).flatMap((b) =>
    b.type === 'paragraph' ? [b.runs] : b.rows.map((row) => [{ text: row.filter((c) => c !== '').join('\u3000').replace(/\n/g, ''), bold: false }])
  )
}

/** A cell's text: lines (from <br> or blocks inside it) cleaned and trimmed, joined by \n as Word import does. */
function cellText(cell: Element, normalize: (text: string) => string): string {
  let text = ''
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      text += (node.nodeValue ?? '').replace(/[\r\n\t]+/g, ' ')
      return
    }
    if (node.nodeType !== 1) return
    const el = node as Element
    if (isSkipped(el)) return
    const tag = el.tagName.toUpperCase()
    if (tag === 'BR') {
      text += '\n'
      return
    }
    const block = BLOCK_TAGS.has(tag)
    if (block) text += '\n'
    el.childNodes.forEach(walk)
    if (block) text += '\n'
  }
  cell.childNodes.forEach(walk)
  return text
    .split('\n')
    .map((line) => normalize(line.replace(BOOKMARK_MARKER, '').replace(/\u00a0/g, ' ')).replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '')
    .join('\n')
}

function spanOf(el: Element, name: string, max: number): number {
  const n = parseInt(el.getAttribute(name) ?? '', 10)
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1
}

/**
 * A table's rows of cell text on a full grid. A merged cell (colspan/rowspan) keeps its text in
 * its top-left position and the positions it covers are empty, as Word import does: the columns
 * stay aligned and the figure appears once. Rows of nested tables belong to their own table
 * (their text is part of the outer cell). Hidden cells are skipped; empty rows and columns at
 * the end (an Excel selection running past the figures) are dropped.
 */
function tableRows(table: Element, normalize: (text: string) => string): string[][] {
  const trs = ownRows(table).filter((tr) => !isSkipped(tr))
  const grid: Array<Array<string | undefined>> = trs.map(() => [])
  trs.forEach((tr, r) => {
    const row = grid[r]
    let c = 0
    for (const cell of cellsOf(tr)) {
      if (isSkipped(cell)) continue
      while (row[c] !== undefined) c++
      const colspan = spanOf(cell, 'colspan', 100)
      const rowspan = spanOf(cell, 'rowspan', trs.length - r)
      const text = cellText(cell, normalize)
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? text : ''
      c += colspan
    }
  })
  return trimGrid(grid.map((row) => Array.from(row, (cell) => cell ?? '')))
}

/** Pads rows to one width and drops trailing empty rows and columns; [] when no cell has text. */
export function trimGrid(rows: string[][]): string[][] {
  let height = rows.length
  while (height > 0 && rows[height - 1].every((c) => c === '')) height--
  const kept = rows.slice(0, height)
  let width = Math.max(0, ...kept.map((r) => r.length))
  while (width > 0 && kept.every((r) => (r[width - 1] ?? '') === '')) width--
  return kept.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''))
}

function normalizeRuns(runs: PastedRun[], normalize: (text: string) => string): PastedRun[] {
  // Normalise each run, then trim the paragraph's ends (Word's full-width indent spaces).
  const out = runs.map((r) => ({ text: normalize(r.text), bold: r.bold })).filter((r) => r.text.length > 0)
  if (out.length) {
    out[0].text = out[0].text.replace(/^[\s\u3000]+/, '')
    out[out.length - 1].text = out[out.length - 1].text.replace(/[\s\u3000]+$/, '')
  }
  return out.filter((r) => r.text.length > 0)
}

function escapeHTML(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A table as the plainTable node's own markup (schema.ts parses it back). */
function tableHTML(rows: string[][]): string {
  return '<table data-plain-table><tbody>' + rows.map((row) => '<tr>' + row.map((cell) => `<td>${escapeHTML(cell)}</td>`).join('') + '</tr>').join('') + '</tbody></table>'
}

/** transformPastedHTML: foreign HTML → plain <p>/<strong> and plainTable HTML the schema parses as-is. */
export function sanitizePastedHTML(html: string, normalize?: (text: string) => string): string {
  if (/data-pm-slice/.test(html)) return html
  return parsePastedBlocks(html, normalize)
    .map((b) =>
      b.type === 'table'
        ? tableHTML(b.rows)
        : '<p>' + b.runs.map((r) => (r.bold ? `<strong>${escapeHTML(r.text)}</strong>` : escapeHTML(r.text))).join('') + '</p>'
    )
    .join('')
}

/**
 * Plain-text paste. Two or more consecutive lines holding tabs (what Excel and WPS 表格 put on
 * the clipboard as text) become a table, one cell per tab-separated field. Every other non-blank
 * line becomes a paragraph, its tabs turned into a full-width space: the exporters' text
 * cleaning removes ASCII spaces and tabs between Chinese characters, so a kept tab would silently
 * join "项目" and "数量"; U+3000 is the gap Chinese documents use and survives every step.
 */
export function plainTextSlice(schema: Schema, text: string, normalize: (text: string) => string = normalizeChineseText): Slice {
  const clean = (line: string) => normalize(line).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
  const cell = (field: string) => field.split('\n').map(clean).filter((l) => l !== '').join('\n')
  text = text.replace(BOOKMARK_MARKER, '')
  const lines = text.split(/\r\n|\r|\n/)
  // Records as a spreadsheet writes them (quoted cells may hold line breaks) only when a table is
  // possible; other text keeps its lines as they are, quotes included.
  const records = lines.filter((l) => l.includes('\t')).length >= 2 ? parsePasteGrid(text) : lines.map((l) => [l])
  const nodes: PMNode[] = []
  for (let i = 0; i < records.length; ) {
    let j = i
    while (j < records.length && records[j].length > 1 && records[j].length <= MAX_COLUMNS) j++
    if (j - i >= 2) {
      const rows = trimGrid(records.slice(i, j).map((fields) => fields.map(cell)))
      if (rows.length) nodes.push(schema.nodes.plainTable.create({ rows }))
      i = j
      continue
    }
    for (const line of records[i].filter((f) => f !== '').join('\t').split('\n')) {
      const cleaned = clean(line.replace(/\t+/g, '\u3000'))
      if (cleaned) nodes.push(schema.nodes.paragraph.create(null, schema.text(cleaned)))
    }
    i++
  }
  if (nodes.length === 0) return Slice.empty
  // Paragraphs at the ends stay open (their text joins the caret's paragraph); a table cannot.
  const open = (n: PMNode) => (n.type.name === 'paragraph' ? 1 : 0)
  return new Slice(Fragment.from(nodes), open(nodes[0]), open(nodes[nodes.length - 1]))
}

/**
 * Paste with the caret in a section heading: several paragraphs (a Word passage, say) or any
 * pasted table go in as body blocks right after the heading, never into it; the caret ends after
 * the pasted text (a table last: the table is selected). Returns null (the default paste) for one
 * paragraph or less, outside a heading, or when the slice holds anything but paragraphs and
 * tables (our own copied sections).
 */
export function pasteAfterHeading(state: EditorState, slice: Slice): Transaction | null {
  const { $from, $to } = state.selection
  if ($from.parent.type.name !== 'sectionTitle' || !$from.sameParent($to)) return null
  const blocks: PMNode[] = []
  let foreign = false
  let table = false
  slice.content.forEach((node) => {
    if (node.type.name === 'paragraph') blocks.push(node)
    // Parsed in the heading's context, the first pasted paragraph can come out as a title.
    else if (node.type.name === 'sectionTitle') blocks.push(state.schema.nodes.paragraph.create(null, node.content, node.marks))
    else if (node.type.name === 'plainTable') {
      blocks.push(node)
      table = true
    } else foreign = true
  })
  if (foreign || (blocks.length < 2 && !table)) return null
  const tr = state.tr
  if (!state.selection.empty) tr.deleteSelection()
  const at = tr.mapping.map($from.after($from.depth))
  tr.insert(at, Fragment.from(blocks))
  const end = at + blocks.reduce((n, p) => n + p.nodeSize, 0)
  const last = blocks[blocks.length - 1]
  const selection = last.type.name === 'plainTable' ? NodeSelection.create(tr.doc, end - last.nodeSize) : TextSelection.create(tr.doc, end - 1)
  return tr.setSelection(selection).scrollIntoView()
}
