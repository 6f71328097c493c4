// A body paragraph or heading (whole or lines [from, to) as text offsets) as HTML: as an HTML
// string (paragraphHTML — the measuring column and the sheets, which hold about 2 × 1,500 of
// these at 200 pages) or as plain vnodes (paragraphVNode — BlockContent). No reactive state: a
// stateful component per paragraph (props proxy, computeds, render effect) was most of the Vue
// time and garbage while laying out. Both give the same DOM
// (tests/unit/pages/paragraph-html.test.ts), so the measuring pass, the page view and the PDF
// share one markup.
import { h, type FunctionalComponent, type VNode } from 'vue'
import type { PageBlock } from '@core/pages/blocks'
import type { ResolvedRun } from '@core/resolved'

export type ParagraphBlock = Extract<PageBlock, { kind: 'body' | 'heading' }>

export interface ParagraphProps {
  block: ParagraphBlock
  /** Text offsets (UTF-16) of the part shown (BlockContent: row indexes for tables). */
  from?: number
  to?: number
  /** Continues from the previous page (no first-line indent) / goes on to the next (last line justified). */
  continued?: boolean
  openEnd?: boolean
  /** Screen only: mark figures that are still placeholders. */
  markMissing?: boolean
  /**
   * Page view only: open comment threads (id → number) whose text is highlighted. Background and
   * underline only, the number drawn out of the flow: the lines break exactly as in the PDF.
   */
  comments?: ReadonlyMap<string, number>
}

export function isParagraph(b: PageBlock): b is ParagraphBlock {
  return b.kind === 'body' || b.kind === 'heading'
}

/** Runs cut to [from, to) of the paragraph's text. */
export function sliceRuns(runs: ResolvedRun[], from: number, to: number): ResolvedRun[] {
  if (from <= 0 && to >= Infinity) return runs
  const out: ResolvedRun[] = []
  let at = 0
  for (const run of runs) {
    const start = at
    const end = at + run.text.length
    at = end
    const a = Math.max(from, start)
    const b = Math.min(to, end)
    if (b > a) out.push(a === start && b === end ? run : { ...run, text: run.text.slice(a - start, b - start) })
  }
  return out
}

interface RunComment {
  class?: string
  'data-thread-id'?: string
  'data-thread-number'?: string
}

/** Highlight attributes per run; the number is shown where a thread's text starts in this part. */
function runComments(runs: ResolvedRun[], numbers: ReadonlyMap<string, number> | undefined): (RunComment | null)[] {
  if (!numbers?.size) return runs.map(() => null)
  let previous: string[] = []
  return runs.map((run) => {
    const ids = (run.review?.comments ?? []).filter((id) => numbers.has(id))
    const fresh = ids.filter((id) => !previous.includes(id))
    previous = ids
    if (!ids.length) return null
    return {
      class: 'hb-run--comment',
      'data-thread-id': ids.join(' '),
      ...(fresh.length ? { 'data-thread-number': fresh.map((id) => numbers.get(id)).join(',') } : {})
    }
  })
}

function runClass(run: ResolvedRun, markMissing: boolean | undefined, comment: RunComment | null): string {
  let c = comment?.class ?? ''
  if (run.bold) c = c ? `${c} hb-run--bold` : 'hb-run--bold'
  if (markMissing && run.missing) c = c ? `${c} hb-run--missing` : 'hb-run--missing'
  return c
}

/**
 * The paragraph's vnode itself, no component around it (BlockContent's paragraphs) — a
 * component per paragraph, even a functional one, costs an instance, props normalising and a
 * render effect each.
 */
export function paragraphVNode(props: ParagraphProps): VNode {
  const { runs, comments, body, cls } = paragraphParts(props)
  const spans = runs.map((run, i) => {
    const c = comments[i]
    // Body runs carry data-run: the line measuring counts offsets over their text nodes only.
    const attrs: Record<string, unknown> = body ? { key: i, 'data-run': '' } : { key: i }
    if (c) {
      attrs['data-thread-id'] = c['data-thread-id']
      if (c['data-thread-number'] !== undefined) attrs['data-thread-number'] = c['data-thread-number']
    }
    const rc = runClass(run, body && props.markMissing, c)
    if (rc) attrs.class = rc
    return h('span', attrs, run.text)
  })
  return h('p', { class: cls }, spans)
}

/** What both forms of a paragraph are made of: its runs (or the lines' slice), their comment attributes, and the paragraph's class. */
function paragraphParts(props: ParagraphProps) {
  const b = props.block
  const runs = props.from === undefined && props.to === undefined ? b.runs : sliceRuns(b.runs, props.from ?? 0, props.to ?? Infinity)
  const body = b.kind === 'body'
  let cls: string
  if (body) {
    cls = 'hb-b hb-b--body'
    if (props.continued) cls += ' hb-b--cont'
    if (props.openEnd) cls += ' hb-b--open'
  } else cls = `hb-b hb-b--heading hb-b--h${b.level}`
  return { runs, comments: runComments(runs, props.comments), body, cls }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' }
/** Text or attribute value as HTML: the parser gives back exactly these characters (a CR too). */
function escapeHTML(text: string): string {
  return /[&<>"\r]/.test(text) ? text.replace(/[&<>"\r]/g, (c) => ESCAPES[c]) : text
}

/**
 * The same paragraph as `paragraphVNode` renders, as an HTML string: the measuring column and
 * the sheets join consecutive paragraphs into one innerHTML, so Chromium's HTML parser builds
 * the nodes and Vue creates, patches and unmounts one vnode per group instead of one per run
 * plus the paragraph. Same elements, attributes and text nodes
 * (tests/unit/pages/paragraph-html.test.ts compares the two DOMs).
 */
export function paragraphHTML(props: ParagraphProps): string {
  const { runs, comments, body, cls } = paragraphParts(props)
  let html = `<p class="${cls}">`
  for (let i = 0; i < runs.length; i++) {
    const c = comments[i]
    html += body ? '<span data-run=""' : '<span'
    if (c) {
      html += ` data-thread-id="${escapeHTML(c['data-thread-id'] ?? '')}"`
      if (c['data-thread-number'] !== undefined) html += ` data-thread-number="${escapeHTML(c['data-thread-number'])}"`
    }
    const rc = runClass(runs[i], body && props.markMissing, c)
    if (rc) html += ` class="${rc}"`
    html += `>${escapeHTML(runs[i].text)}</span>`
  }
  return html + '</p>'
}

export const ParagraphContent: FunctionalComponent<ParagraphProps> = (props): VNode => paragraphVNode(props)

ParagraphContent.props = ['block', 'from', 'to', 'continued', 'openEnd', 'markMissing', 'comments']
