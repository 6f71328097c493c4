// @vitest-environment happy-dom
// Opening a report: the editor's state is made once from the stored JSON, plugins included,
// and mounted straight into the page. It must show exactly the stored content — text, chips,
// comment anchors, suggestions — with its numbers and guidance, and draw each chip once.
import { afterEach, describe, expect, it } from 'vitest'
import type { BlockJSON } from '@core/report'
import type { ChipDisplay } from '@core/metrics'
import { createReportEditor, destroyReportEditor } from '../../../src-renderer/src/components/editor/report-editor'
import { docJSONFromBlocks } from '../../../src-renderer/src/editor/doc'
import { createSuggestionUI } from '../../../src-renderer/src/components/editor/suggestion-ui'
import type { Editor } from '@tiptap/core'

const preamble: BlockJSON = {
  type: 'preamble',
  attrs: { id: 'preamble' },
  content: [{ type: 'paragraph', content: [{ type: 'text', text: '导语：今年全镇依法行政。' }] }]
} as BlockJSON

function section(id: string, level: 1 | 2, title: string, inline: unknown[]): BlockJSON {
  return {
    type: 'section',
    attrs: { id, level, templateKey: id === 's1' ? 'k1' : null, required: id === 's1' },
    content: [
      { type: 'sectionTitle', content: [{ type: 'text', text: title }] },
      { type: 'paragraph', content: inline }
    ]
  } as BlockJSON
}

const BLOCKS: BlockJSON[] = [
  preamble,
  section('s1', 1, '主要举措', [
    { type: 'text', text: '全年开展巡查' },
    { type: 'metric', attrs: { metricId: 'patrols', show: 'value' } },
    { type: 'text', text: '，检查', marks: [{ type: 'comment', attrs: { threadId: 't-1' } }] },
    { type: 'metric', attrs: { metricId: 'checks', show: 'value' } },
    { type: 'text', text: '。' }
  ]),
  section('s2', 2, '存在问题', [
    { type: 'text', text: '力量' },
    { type: 'text', text: '明显', marks: [{ type: 'insertion', attrs: { id: 'sg-1', author: '李四', at: 5 } }] },
    { type: 'text', text: '不足', marks: [{ type: 'bold' }] },
    { type: 'metric', attrs: { metricId: 'patrols', show: 'yoy' } }
  ]),
  section('s3', 1, '下一步打算', [{ type: 'text', text: '继续推进。' }])
]

const CHIPS: Record<string, string> = { patrols: '120余次', checks: '35次' }

let editor: Editor | null = null
afterEach(() => {
  if (editor) destroyReportEditor(editor)
  editor = null
  document.body.innerHTML = ''
})

function open(blocks: readonly BlockJSON[], drawn: string[] = []): { editor: Editor; host: HTMLElement } {
  const host = document.createElement('div')
  document.body.appendChild(host)
  editor = createReportEditor({
    blocks,
    element: host,
    chipDisplay: (id, show): ChipDisplay => {
      drawn.push(`${id}:${show ?? 'value'}`)
      return { text: show === 'yoy' ? '同比增长10%' : CHIPS[id] ?? '', empty: !(id in CHIPS), label: id }
    },
    guidance: { forSection: (key) => (key === 'k1' ? '写本年主要举措' : undefined), preamble: undefined },
    suggestionItems: () => [],
    suggestionUI: createSuggestionUI(),
    onFind: () => {}
  })
  return { editor, host }
}

describe('opening a report in the editor', () => {
  it('holds exactly the stored document: text, chips, comment anchors, suggestions and marks', () => {
    const { editor } = open(BLOCKS)
    expect(editor.state.doc.toJSON()).toEqual(docJSONFromBlocks(BLOCKS))
    // The history is empty: undo cannot take the report back to nothing.
    expect(editor.can().undo()).toBe(false)
  })

  it('mounts the document into the given element with chips, numbers, guidance and review marks', () => {
    const { editor, host } = open(BLOCKS)
    const body = host.querySelector('[aria-label="报告正文"]')
    expect(body).toBe(editor.view.dom)
    expect(body?.getAttribute('contenteditable')).toBe('true')
    const chips = [...host.querySelectorAll('.metric-chip')].map((c) => c.textContent)
    expect(chips).toEqual(['120余次', '35次', '同比增长10%'])
    expect([...host.querySelectorAll('.section-number')].map((n) => n.textContent)).toEqual(['一、', '（一）', '二、'])
    // Decorations from the plugins are there on the first drawing.
    expect(host.querySelectorAll('.report-section--required')).toHaveLength(1)
    expect(host.querySelector('[data-thread-id="t-1"]')?.textContent).toBe('，检查')
    expect(host.querySelector('ins[data-suggestion-id="sg-1"]')?.textContent).toBe('明显')
    expect(host.querySelector('strong')?.textContent).toBe('不足')
    expect(body?.textContent).toContain('导语：今年全镇依法行政。')
    expect(body?.textContent).toContain('继续推进。')
  })

  it('draws each chip once (no second drawing when the plugins or the page take the editor)', () => {
    const drawn: string[] = []
    open(BLOCKS, drawn)
    expect(drawn.sort()).toEqual(['checks:value', 'patrols:value', 'patrols:yoy'])
  })

  it('types into the opened document and reports the change', () => {
    const { editor } = open(BLOCKS)
    let changed = 0
    editor.on('transaction', ({ transaction }) => {
      if (transaction.docChanged) changed++
    })
    const end = editor.state.doc.content.size - 2
    editor.commands.insertContentAt(end, '再接再厉')
    expect(changed).toBe(1)
    expect(editor.state.doc.lastChild?.textContent).toContain('再接再厉')
    expect(editor.view.dom.textContent).toContain('再接再厉')
  })

  it('keeps asterisks typed or pasted as text: no Markdown shortcut makes them bold', () => {
    const { editor } = open(BLOCKS)
    const view = editor.view
    const at = editor.state.doc.content.size - 2
    editor.commands.setTextSelection(at)
    // As ProseMirror types a key: the plugins may take the text, else it is inserted.
    // Bold's shortcuts fire after a space or at a paragraph's start.
    for (const ch of ' **重点**') {
      const { from, to } = view.state.selection
      if (!view.someProp('handleTextInput', (f) => f(view, from, to, ch, () => view.state.tr.insertText(ch, from, to)))) view.dispatch(view.state.tr.insertText(ch, from, to))
    }
    view.pasteText('，以及 __另一处__ 与 **第三处**')
    expect(editor.state.doc.textContent).toContain(' **重点**，以及 __另一处__ 与 **第三处**')
    // Only the stored bold text is bold.
    let bold = ''
    editor.state.doc.descendants((n) => void (n.isText && n.marks.some((m) => m.type.name === 'bold') && (bold += n.text)))
    expect(bold).toBe('不足')
  })

  it('refuses content the schema cannot hold instead of opening an empty report', () => {
    const broken = [preamble, { type: 'section', attrs: { id: 'x', level: 1 }, content: [{ type: 'nonsense' }] } as unknown as BlockJSON]
    expect(() => open(broken)).toThrow(/正文无法读取.*数据未作任何改动/)
  })
})
