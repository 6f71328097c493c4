// Pasting from Word, WPS and web pages: keep paragraphs and bold, drop all foreign styling
// (mso-* styles, classes, fonts, comments, <o:p>, Word's _GoBack bookmark) and normalise the
// Chinese text. Our own copies (marked data-pm-slice by ProseMirror) pass through untouched,
// so chips and sections copy within the editor.
import { Fragment, Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model'
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { normalizeChineseText } from '@core/text'

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

/** Paragraphs of runs from pasted HTML; empty paragraphs are dropped. Needs a DOMParser. */
export function parsePastedHTML(html: string, normalize: (text: string) => string = normalizeChineseText): PastedRun[][] {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const paragraphs: PastedRun[][] = []
  let current: PastedRun[] = []

  const breakParagraph = () => {
    if (current.length) paragraphs.push(current)
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
    const block = BLOCK_TAGS.has(tag)
    if (block) breakParagraph()
    const childBold = bold || isBoldElement(el)
    el.childNodes.forEach((child) => walk(child, childBold))
    if (block) breakParagraph()
  }
  walk(doc.body, false)
  breakParagraph()

  const out: PastedRun[][] = []
  for (const runs of paragraphs) {
    const merged: PastedRun[] = []
    for (const run of runs) {
      const text = run.text.replace(BOOKMARK_MARKER, '').replace(/\u00a0/g, ' ')
      if (!text) continue
      const last = merged[merged.length - 1]
      if (last && last.bold === run.bold) last.text += text
      else merged.push({ text, bold: run.bold })
    }
    const cleaned = normalizeRuns(merged, normalize)
    if (cleaned.length) out.push(cleaned)
  }
  return out
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

/** transformPastedHTML: foreign HTML → plain <p>/<strong> HTML the schema parses as-is. */
export function sanitizePastedHTML(html: string, normalize?: (text: string) => string): string {
  if (/data-pm-slice/.test(html)) return html
  return parsePastedHTML(html, normalize)
    .map((runs) => '<p>' + runs.map((r) => (r.bold ? `<strong>${escapeHTML(r.text)}</strong>` : escapeHTML(r.text))).join('') + '</p>')
    .join('')
}

/** Plain-text paste: every non-blank line becomes a paragraph. */
export function plainTextSlice(schema: Schema, text: string, normalize: (text: string) => string = normalizeChineseText): Slice {
  const paragraphs = text
    .replace(BOOKMARK_MARKER, '')
    .split(/\r\n|\r|\n/)
    .map((line) => normalize(line).replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line.length > 0)
    .map((line) => schema.nodes.paragraph.create(null, schema.text(line)))
  if (paragraphs.length === 0) return Slice.empty
  return new Slice(Fragment.from(paragraphs), 1, 1)
}

/**
 * Paste with the caret in a section heading: several paragraphs (a Word passage, say) go in as
 * body paragraphs right after the heading, never into it; the caret ends after the pasted text.
 * Returns null (the default paste) for one paragraph or less, outside a heading, or when the
 * slice holds anything but paragraphs (our own copied sections).
 */
export function pasteAfterHeading(state: EditorState, slice: Slice): Transaction | null {
  const { $from, $to } = state.selection
  if ($from.parent.type.name !== 'sectionTitle' || !$from.sameParent($to)) return null
  const paragraphs: PMNode[] = []
  let foreign = false
  slice.content.forEach((node) => {
    if (node.type.name === 'paragraph') paragraphs.push(node)
    // Parsed in the heading's context, the first pasted paragraph can come out as a title.
    else if (node.type.name === 'sectionTitle') paragraphs.push(state.schema.nodes.paragraph.create(null, node.content, node.marks))
    else foreign = true
  })
  if (foreign || paragraphs.length < 2) return null
  const tr = state.tr
  if (!state.selection.empty) tr.deleteSelection()
  const at = tr.mapping.map($from.after($from.depth))
  tr.insert(at, Fragment.from(paragraphs))
  const end = at + paragraphs.reduce((n, p) => n + p.nodeSize, 0)
  return tr.setSelection(TextSelection.create(tr.doc, end - 1)).scrollIntoView()
}
