// The review copy of the Word export: open comments become Word comments (replies threaded
// under them) and pending suggestions become tracked changes (w:ins / w:del) with author and
// time, so a leader who prefers Word sees them there. The approved export never comes here.
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  InsertedTextRun,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ICommentsOptions,
  type IRunOptions,
  type ParagraphChild
} from 'docx'
import type { ResolvedComment, ResolvedReport, ResolvedRun, RunReview } from '../resolved'
import { STYLE } from './styles'

export interface ReviewCommentInput {
  threadId: string
  author: string
  at: number
  text: string
  /** The commented text, quoted in the comment when its anchor no longer exists. */
  anchorText: string
  orphaned: boolean
  replies: Array<{ author: string; at: number; text: string }>
}

/** Word's numeric ids per run, filled in by prepareReviewExport. */
interface WordMarks {
  starts: number[]
  ends: number[]
}

type ReviewRun = ResolvedRun & { review: RunReview & { word?: WordMarks } }

const SUGGESTION_ID_BASE = 1000

function initials(name: string): string {
  return Array.from(name.trim())[0] ?? '审'
}

function commentParagraphs(text: string): Paragraph[] {
  // Already XML-safe: the builder passes the report through ./xml-safe.ts first.
  return text
    .split(/\r?\n/)
    .map((line) => new Paragraph({ style: STYLE.commentText, children: [new TextRun(line)] }))
}

/**
 * Numbers comments and suggestions for Word and marks, on copies of the runs, where each
 * comment starts and ends (a comment may span paragraphs). Orphaned threads (their text was
 * deleted) are attached to the document's first run, quoting the text they were written on.
 */
export function prepareReviewExport(report: ResolvedReport, threads: readonly ReviewCommentInput[]): ResolvedReport {
  const wordId = new Map<string, number>()
  threads.forEach((t, i) => wordId.set(t.threadId, i))
  const suggestionIds = new Map<string, number>()
  let nextReplyId = threads.length

  const copy: ResolvedReport = structuredClone(report)
  const paragraphs: ResolvedRun[][] = [...copy.preamble.map((p) => p.runs), ...copy.sections.flatMap((s) => [s.title, ...s.paragraphs.map((p) => p.runs)])]
  const runs = paragraphs.flat()
  const first = new Map<number, ReviewRun>()
  const last = new Map<number, ReviewRun>()
  for (const run of runs) {
    if (!run.review) continue
    const r = run as ReviewRun
    const change = r.review.change
    if (change && !suggestionIds.has(change.id)) suggestionIds.set(change.id, SUGGESTION_ID_BASE + suggestionIds.size)
    for (const threadId of r.review.comments ?? []) {
      const id = wordId.get(threadId)
      if (id === undefined) continue
      if (!first.has(id)) first.set(id, r)
      last.set(id, r)
    }
  }
  const word = (r: ReviewRun): WordMarks => (r.review.word ??= { starts: [], ends: [] })
  for (const [id, r] of first) word(r).starts.push(id)
  for (const [id, r] of last) word(r).ends.push(id)
  for (const run of runs) {
    const r = run as ReviewRun
    if (r.review?.change) (r.review as RunReview & { wordChangeId?: number }).wordChangeId = suggestionIds.get(r.review.change.id)
  }

  // Orphaned threads: attached to the first run of the document, with the lost text quoted.
  const firstRun = runs[0] as ReviewRun | undefined
  const comments: ResolvedComment[] = []
  threads.forEach((t, i) => {
    const anchored = first.has(i)
    if (!anchored && firstRun) {
      firstRun.review ??= {}
      word(firstRun).starts.unshift(i)
      word(firstRun).ends.unshift(i)
    }
    const body = anchored ? t.text : `【原文已删除：“${t.anchorText}”】\n${t.text}`
    comments.push({ id: i, author: t.author, at: t.at, text: body })
    for (const reply of t.replies) comments.push({ id: nextReplyId++, parentId: i, author: reply.author, at: reply.at, text: reply.text })
  })
  copy.comments = comments
  return copy
}

/** The Document option for the report's comments; {} (no comments part at all) when it has none. */
export function reviewComments(report: ResolvedReport): { comments?: ICommentsOptions } {
  if (!report.comments?.length) return {}
  const children: ICommentOptions[] = report.comments.map((c) => ({
    id: c.id,
    ...(c.parentId !== undefined ? { parentId: c.parentId } : {}),
    author: c.author,
    initials: initials(c.author),
    date: new Date(c.at),
    children: commentParagraphs(c.text)
  }))
  return { comments: { children } }
}

/**
 * The Word runs for one resolved run that carries review marks. `base` gives the run's look
 * (font, size, bold…) for a piece of text, exactly as the builder writes ordinary runs.
 */
export function reviewRuns(run: ResolvedRun, base: (text: string) => IRunOptions): ParagraphChild[] {
  const review = run.review as (RunReview & { word?: WordMarks; wordChangeId?: number }) | undefined
  const out: ParagraphChild[] = []
  const word = review?.word
  for (const id of word?.starts ?? []) out.push(new CommentRangeStart(id))
  const options = base(run.text)
  const change = review?.change
  if (change && review?.wordChangeId !== undefined) {
    const tracked = { ...options, id: review.wordChangeId, author: change.author, date: new Date(change.at).toISOString() }
    out.push(change.kind === 'insertion' ? new InsertedTextRun(tracked) : new DeletedTextRun(tracked))
  } else {
    out.push(new TextRun(options))
  }
  for (const id of word?.ends ?? []) {
    out.push(new CommentRangeEnd(id))
    out.push(new TextRun({ children: [new CommentReference(id)] }))
  }
  return out
}
