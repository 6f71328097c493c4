// Review marks as they are stored in the section JSON, and what the exporters, the version
// comparison and the counters need from them. Pure: works on JSON, not on editor state.
import type { BlockJSON, InlineJSON, ParagraphJSON, ReportDocJSON, SectionTitleJSON } from '../report'

/** A comment holds only its thread id; the thread (text, replies, status) lives in the comments table. */
export interface CommentMarkJSON {
  type: 'comment'
  attrs: { threadId: string }
}

/** A suggested insertion or deletion, with who suggested it and when. */
export interface SuggestionMarkJSON {
  type: 'insertion' | 'deletion'
  attrs: { id: string; author: string; at: number }
}

export type ReviewMarkJSON = CommentMarkJSON | SuggestionMarkJSON

export interface SuggestionInfo {
  id: string
  /**
   * split/join: a suggestion that is only a paragraph break. A suggested split is an inserted
   * hard break, a suggested join a struck one (the paragraphs read as two until it is accepted).
   */
  kind: 'insertion' | 'deletion' | 'split' | 'join'
  author: string
  at: number
  /** Text the suggestion covers (chips count as '▢'). */
  text: string
}

type AnyMark = { type: string; attrs?: Record<string, unknown> }

function marksOf(node: InlineJSON): AnyMark[] {
  return ((node as { marks?: AnyMark[] }).marks ?? []) as AnyMark[]
}

export function suggestionMark(node: InlineJSON): SuggestionMarkJSON | undefined {
  return marksOf(node).find((m): m is SuggestionMarkJSON => m.type === 'insertion' || m.type === 'deletion') as SuggestionMarkJSON | undefined
}

export function commentThreadIds(node: InlineJSON): string[] {
  return marksOf(node)
    .filter((m) => m.type === 'comment')
    .map((m) => String(m.attrs?.threadId ?? ''))
}

function inlineContainers(block: BlockJSON): Array<ParagraphJSON | SectionTitleJSON> {
  return block.content as Array<ParagraphJSON | SectionTitleJSON>
}

function forEachInline(doc: { content: readonly BlockJSON[] }, visit: (node: InlineJSON) => void): void {
  for (const block of doc.content) for (const container of inlineContainers(block)) for (const node of container.content ?? []) visit(node)
}

/** Pending suggestions in document order, one entry per suggestion id. */
export function listSuggestions(doc: { content: readonly BlockJSON[] }): SuggestionInfo[] {
  const byId = new Map<string, SuggestionInfo & { breaksOnly: boolean }>()
  forEachInline(doc, (node) => {
    const mark = suggestionMark(node)
    if (!mark) return
    const isBreak = node.type === 'hardBreak'
    const text = node.type === 'text' ? node.text : node.type === 'metric' ? '▢' : isBreak ? '¶' : ''
    const known = byId.get(mark.attrs.id)
    if (known) {
      known.text += text
      known.breaksOnly &&= isBreak
    } else byId.set(mark.attrs.id, { id: mark.attrs.id, kind: mark.type, author: mark.attrs.author, at: mark.attrs.at, text, breaksOnly: isBreak })
  })
  return [...byId.values()].map(({ breaksOnly, ...s }) =>
    breaksOnly ? { ...s, kind: s.kind === 'insertion' ? 'split' : 'join', text: s.kind === 'insertion' ? '分段' : '合并段落' } : s
  )
}

/**
 * The text with every pending suggestion settled: 'accept' keeps insertions and drops deleted
 * text; 'reject' keeps the original. A suggested hard break that is kept splits its paragraph
 * (as accepting or rejecting does in the editor), one that goes leaves it whole. Comments are
 * kept unless `dropComments`.
 */
export function settleSuggestions<T extends { content: readonly BlockJSON[] }>(doc: T, mode: 'accept' | 'reject', options: { dropComments?: boolean } = {}): T {
  const dropKind = mode === 'accept' ? 'deletion' : 'insertion'
  // One container → one or more: each kept suggested break in a paragraph starts a new one.
  const settleContainer = <C extends ParagraphJSON | SectionTitleJSON>(c: C): C[] => {
    const parts: InlineJSON[][] = [[]]
    for (const node of c.content ?? []) {
      const mark = suggestionMark(node)
      if (mark?.type === dropKind) continue
      if (mark && node.type === 'hardBreak' && c.type === 'paragraph') {
        parts.push([])
        continue
      }
      const marks = marksOf(node).filter((m) => m.type !== 'insertion' && m.type !== 'deletion' && !(options.dropComments && m.type === 'comment'))
      const copy = { ...node } as { marks?: AnyMark[] }
      if (marks.length) copy.marks = marks
      else delete copy.marks
      parts[parts.length - 1].push(copy as InlineJSON)
    }
    return parts.map((content) => (content.length ? { ...c, content } : ({ type: c.type } as C)))
  }
  const blocks = doc.content.map((block) => ({
    ...block,
    // An imported plain table has no inline content and no marks: kept as it is.
    content: inlineContainers(block).flatMap((c) => ((c as { type: string }).type === 'plainTable' ? [c] : settleContainer(c)))
  }))
  return { ...doc, content: blocks } as T
}

/**
 * The block without comment marks: a copied report starts without the original's threads, and
 * a mark pointing at a thread the copy doesn't have would show as a dangling highlight.
 */
export function withoutCommentMarks<T extends BlockJSON>(block: T): T {
  return {
    ...block,
    content: inlineContainers(block).map((c) =>
      c.content
        ? {
            ...c,
            content: c.content.map((node) => {
              const marks = marksOf(node)
              if (!marks.some((m) => m.type === 'comment')) return node
              const kept = marks.filter((m) => m.type !== 'comment')
              const copy = { ...node } as { marks?: AnyMark[] }
              if (kept.length) copy.marks = kept
              else delete copy.marks
              return copy as InlineJSON
            })
          }
        : c
    )
  } as T
}

/** Comment thread id → the text it is anchored to now (absent: its text was deleted). */
export function commentAnchors(doc: { content: readonly BlockJSON[] }): Map<string, string> {
  const anchors = new Map<string, string>()
  forEachInline(doc, (node) => {
    for (const id of commentThreadIds(node)) {
      const text = node.type === 'text' ? node.text : node.type === 'metric' ? '▢' : ''
      anchors.set(id, (anchors.get(id) ?? '') + text)
    }
  })
  return anchors
}

export interface ThreadAnchorState {
  id: string
  orphaned: boolean
  anchorText: string
}

/**
 * Which threads lost their text. A thread whose marked text is gone is orphaned — shown in the
 * list with the text it was written on, never dropped. A thread whose text comes back (undo)
 * is anchored again.
 */
export function reconcileThreads(
  threads: ReadonlyArray<{ id: string; anchorText: string; orphaned: boolean }>,
  doc: { content: readonly BlockJSON[] }
): ThreadAnchorState[] {
  const anchors = commentAnchors(doc)
  return threads.map((t) => {
    const now = anchors.get(t.id)
    return now === undefined ? { id: t.id, orphaned: true, anchorText: t.anchorText } : { id: t.id, orphaned: false, anchorText: now }
  })
}

export type ReportBlocks = ReportDocJSON | { content: readonly BlockJSON[] }
