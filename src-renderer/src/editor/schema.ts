// The report's TipTap/ProseMirror schema. It mirrors core/report.ts, with one addition the
// editor alone sees: sections are grouped in chapters (doc.ts converts both ways).
import { Node, mergeAttributes, getSchema, type AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model'
import type { SectionLevel } from '@core/report'
import { REVIEW_MARKS } from './review/marks'

export const ReportDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'preamble chapter+'
})

/**
 * A run of about 12 consecutive sections, whatever their levels (editor only: doc.ts says why;
 * chapters.ts keeps each between 1 and 24). Off screen, Chromium skips a chapter's layout and
 * paint (content-visibility: auto, EditorView.vue) and reserves the height given here until it
 * has been shown once.
 */
export const Chapter = Node.create({
  name: 'chapter',
  content: 'section+',
  parseHTML() {
    return [{ tag: 'div[data-chapter]' }]
  },
  renderHTML({ node }) {
    return ['div', { 'data-chapter': '', class: 'report-chapter', style: `contain-intrinsic-size: auto ${estimatedHeight(node)}px` }, 0]
  }
})

/** A rough height of a chapter on the editor's paper (18px text, 1.9 line height, ~36 characters a line). */
function estimatedHeight(chapter: ProseMirrorNode): number {
  let lines = 0
  chapter.forEach((section) => {
    section.forEach((block) => {
      lines += block.type.name === 'plainTable' ? ((block.attrs.rows as unknown[] | null)?.length ?? 0) + 1 : Math.max(1, Math.ceil(block.content.size / 36))
    })
  })
  return Math.round(lines * 34)
}

export const Preamble = Node.create({
  name: 'preamble',
  content: '(paragraph | plainTable)+',
  // Isolating: Backspace/Delete never merge the preamble into a section or vice versa.
  isolating: true,
  defining: true,
  addAttributes() {
    return { id: { default: 'preamble', rendered: false } }
  },
  parseHTML() {
    return [{ tag: 'div[data-preamble]' }]
  },
  renderHTML() {
    return ['div', { 'data-preamble': '', class: 'report-preamble' }, 0]
  }
})

export const Section = Node.create({
  name: 'section',
  content: 'sectionTitle (paragraph | plainTable)*',
  isolating: true,
  defining: true,
  addAttributes() {
    return {
      id: { default: null, rendered: false },
      level: { default: 1, rendered: false },
      templateKey: { default: null, rendered: false },
      required: { default: false, rendered: false }
    }
  },
  parseHTML() {
    // Only our own copied sections; a foreign <section> is never a report section.
    return [
      {
        tag: 'section[data-section-id]',
        getAttrs: (el) => ({
          id: el.getAttribute('data-section-id'),
          level: Number(el.getAttribute('data-level')) || 1,
          templateKey: el.getAttribute('data-template-key') || null,
          required: el.getAttribute('data-required') === 'true'
        })
      }
    ]
  },
  renderHTML({ node }) {
    return [
      'section',
      {
        class: `report-section report-section--l${node.attrs.level}`,
        'data-section-id': node.attrs.id,
        'data-level': String(node.attrs.level),
        'data-template-key': node.attrs.templateKey ?? '',
        'data-required': String(node.attrs.required)
      },
      0
    ]
  }
})

export const SectionTitle = Node.create({
  name: 'sectionTitle',
  content: 'inline*',
  defining: true,
  parseHTML() {
    return [{ tag: 'div[data-section-title]' }]
  },
  renderHTML() {
    return ['div', { 'data-section-title': '', class: 'report-section__title', role: 'heading' }, 0]
  }
})

/**
 * A table kept from an imported Word file or pasted (Excel, WPS 表格, Word, a web page): rows of
 * cell text in one attribute, shown as a read-only table (select it and press Delete to remove
 * it). Only our own markup parses back into it: the paste code (editor/paste.ts) turns foreign
 * tables into that markup after cleaning them, so no foreign table is taken in raw.
 */
export const PlainTable = Node.create({
  name: 'plainTable',
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return { rows: { default: [], rendered: false } }
  },
  parseHTML() {
    return [
      {
        tag: 'table[data-plain-table]',
        getAttrs: (el) => ({
          rows: Array.from(el.querySelectorAll('tr')).map((tr) => Array.from(tr.children).map((td) => td.textContent ?? ''))
        })
      }
    ]
  },
  renderHTML({ node }) {
    const rows = (node.attrs.rows as string[][]) ?? []
    return [
      'table',
      { 'data-plain-table': '', class: 'report-plain-table', 'aria-label': '导入的表格' },
      ['tbody', {}, ...rows.map((row) => ['tr', {}, ...row.map((cell) => ['td', {}, cell])])]
    ]
  }
})

/** Inline atom holding only a metric id; the value is looked up when shown. */
export const MetricNodeBase = Node.create({
  name: 'metric',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return {
      metricId: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-metric-id') ?? '',
        renderHTML: (attrs) => ({ 'data-metric-id': attrs.metricId })
      },
      // What the chip shows: the figure, or its year-on-year change ('yoy'). A flag, never a value.
      show: {
        default: 'value',
        parseHTML: (el) => (el.getAttribute('data-show') === 'yoy' ? 'yoy' : 'value'),
        renderHTML: (attrs) => (attrs.show === 'yoy' ? { 'data-show': 'yoy' } : {})
      }
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-metric-id]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'metric-chip' })]
  }
})

/** The TipTap extensions that define the schema, minus editor-only behaviour. */
export function schemaExtensions(metricNode: AnyExtension = MetricNodeBase): AnyExtension[] {
  return [
    // StarterKit with everything off except what core/report.ts allows (plus undo and the
    // drop cursor, which add no nodes).
    StarterKit.configure({
      document: false,
      blockquote: false,
      bulletList: false,
      code: false,
      codeBlock: false,
      gapcursor: false,
      heading: false,
      horizontalRule: false,
      italic: false,
      listItem: false,
      listKeymap: false,
      link: false,
      orderedList: false,
      strike: false,
      underline: false,
      trailingNode: false
    }),
    ReportDocument,
    Preamble,
    Chapter,
    Section,
    SectionTitle,
    PlainTable,
    metricNode,
    // Comment anchors and suggested insertions/deletions are stored in the section JSON.
    ...REVIEW_MARKS
  ]
}

let cachedSchema: Schema | null = null

/** The schema alone, for code (and tests) that work on ProseMirror state without a view. */
export function reportSchema(): Schema {
  cachedSchema ??= getSchema(schemaExtensions())
  return cachedSchema
}

export function isSectionLevel(n: unknown): n is SectionLevel {
  return n === 1 || n === 2 || n === 3 || n === 4
}
