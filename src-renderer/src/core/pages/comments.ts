// The leader's comments (批注) in the page view: the text the sheets show, with the comment
// anchors kept, and the open threads numbered in reading order for the margin list. The print
// view and the PDF never use this: they resolve without review marks.
import type { InlineJSON, ReportDocJSON } from '../report'
import { suggestionMark } from '../review/marks'
import type { CommentThread } from '../review/threads'
import type { PageBlock } from './blocks'

/**
 * The document without pending suggested insertions. Resolved with `review: true` it then gives
 * exactly the text of a plain resolve (which leaves insertions out), so the page view paginates as
 * the PDF does, but its runs still carry the comment thread ids.
 */
export function withoutSuggestedInsertions(doc: ReportDocJSON): ReportDocJSON {
  const keep = (node: InlineJSON) => node.type === 'hardBreak' || suggestionMark(node)?.type !== 'insertion'
  const strip = <T extends { content?: InlineJSON[] }>(c: T): T => (c.content ? { ...c, content: c.content.filter(keep) } : c)
  // Every block's containers (preamble paragraphs; section title and paragraphs) are stripped alike.
  const content = doc.content.map((b) => ({ ...b, content: (b.content as Array<{ content?: InlineJSON[] }>).map(strip) }))
  return { ...doc, content: content as ReportDocJSON['content'] }
}

export interface NumberedThread {
  /** 1-based, as shown on the sheet beside the commented text and in the margin list. */
  number: number
  thread: CommentThread
  /** Its text is on the sheets (false: orphaned, or only in a pending suggested insertion). */
  onSheet: boolean
}

/**
 * Open threads numbered in the order their text first appears on the pages; those whose text is
 * not there (原文已删除) follow in the order they were written.
 */
export function numberOpenThreads(blocks: readonly PageBlock[], threads: readonly CommentThread[]): NumberedThread[] {
  const open = new Map(threads.filter((t) => t.status === 'open').map((t) => [t.id, t]))
  const seen: string[] = []
  for (const b of blocks) {
    if (b.kind !== 'body' && b.kind !== 'heading') continue
    for (const run of b.runs) for (const id of run.review?.comments ?? []) if (open.has(id) && !seen.includes(id)) seen.push(id)
  }
  const rest = [...open.values()].filter((t) => !seen.includes(t.id)).sort((a, b) => a.createdAt - b.createdAt)
  return [...seen.map((id) => ({ thread: open.get(id)!, onSheet: true })), ...rest.map((thread) => ({ thread, onSheet: false }))].map((t, i) => ({ ...t, number: i + 1 }))
}

/** Thread id → number, for the highlights on the sheets. */
export function threadNumbers(numbered: readonly NumberedThread[]): Map<string, number> {
  return new Map(numbered.filter((n) => n.onSheet).map((n) => [n.thread.id, n.number]))
}
