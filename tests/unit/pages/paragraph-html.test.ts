// @vitest-environment happy-dom
// The measuring column and the sheets set a paragraph's markup as an HTML string
// (paragraphHTML); BlockContent renders it as vnodes (paragraphVNode). Lines break by that markup,
// so both must give the same DOM: elements, attributes, text nodes and their exact text.
import { describe, expect, it } from 'vitest'
import { render } from 'vue'
import type { ResolvedRun } from '@core/resolved'
import { paragraphHTML, paragraphVNode, type ParagraphBlock, type ParagraphProps } from '../../../src-renderer/src/components/pages/ParagraphContent'

/** A node as plain data: tag, sorted attributes, children; text nodes as their exact data. */
type Shape = string | { tag: string; attrs: [string, string][]; children: Shape[] }
function shape(node: Node): Shape {
  if (node.nodeType === 3) return `#text:${(node as Text).data}`
  const el = node as Element
  return {
    tag: el.tagName.toLowerCase(),
    attrs: Array.from(el.attributes)
      .map((a): [string, string] => [a.name, a.value])
      .sort(),
    children: Array.from(el.childNodes).map(shape)
  }
}

function viaVNode(props: ParagraphProps): Shape[] {
  const host = document.createElement('div')
  render(paragraphVNode(props), host)
  return Array.from(host.childNodes).map(shape)
}

function viaHTML(props: ParagraphProps): Shape[] {
  const host = document.createElement('div')
  host.innerHTML = paragraphHTML(props)
  return Array.from(host.childNodes).map(shape)
}

const runs: ResolvedRun[] = [
  { text: '一是', bold: true },
  { text: '全年办理行政复议案件' },
  { text: '12', fromMetric: true },
  { text: '件，<纠错> & "公开"' },
  { text: '待填', missing: true, fromMetric: true, review: { comments: ['t1'] } },
  { text: '，较上年\r增长。', review: { comments: ['t1', 't2'] } },
  { text: '' },
  { text: '完毕。', bold: true, review: { comments: ['t2'] } }
]
const body: ParagraphBlock = { kind: 'body', runs }
const heading = (level: 1 | 2 | 3 | 4): ParagraphBlock => ({ kind: 'heading', level, runs: [{ text: `${level}、` }, { text: '加强<队伍>建设' }] })
const comments = new Map([
  ['t1', 3],
  ['t2', 4]
])

describe('paragraph markup as an HTML string', () => {
  const cases: [string, ParagraphProps][] = [
    ['a whole body paragraph', { block: body }],
    ['a slice continued from the last page, going on to the next', { block: body, from: 3, to: 20, continued: true, openEnd: true }],
    ['a slice starting inside a run, to the end', { block: body, from: 7 }],
    ['the page view: missing figures marked, comment threads highlighted', { block: body, markMissing: true, comments }],
    ['a slice with comments that start before it', { block: body, from: 24, comments }],
    ...([1, 2, 3, 4] as const).map((l): [string, ParagraphProps] => [`a level-${l} heading`, { block: heading(l) }]),
    ['a heading with a bold run, missing mark asked (headings ignore it)', { block: { kind: 'heading', level: 2, runs: [{ text: '（一）' }, { text: '标题', bold: true, missing: true }] }, markMissing: true }]
  ]
  for (const [name, props] of cases) {
    it(`gives the same DOM as the vnodes: ${name}`, () => {
      const html = viaHTML(props)
      expect(html).toEqual(viaVNode(props))
      // Real content, not two empty trees.
      expect(JSON.stringify(html)).toMatch(/#text:/)
    })
  }

  it('keeps markup characters and a carriage return as text', () => {
    const [p] = viaHTML({ block: body }) as Exclude<Shape, string>[]
    const texts = JSON.stringify(p)
    expect(texts).toContain('件，<纠错> & \\"公开\\"')
    expect(texts).toContain('较上年\\r增长')
  })
})
