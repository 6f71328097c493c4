// The approval lock as rules: which writes a report's review status allows, and the Chinese
// sentence a refusal shows. Pure; db/lock.ts applies it inside every write transaction.
import type { BlockJSON, InlineJSON, ReportStatus } from '../report'
import { canonicalJSON } from './audit'
import { settleSuggestions } from './marks'
import type { Role } from './workflow'

/**
 * What a write changes:
 * - 'content': anything that reaches the output or identifies the report — figures,
 *   qualifiers, meta/title, outline order, layout settings, attachments, last year's link;
 * - 'sections': section JSON (text, chips, comment anchors, suggestions), judged per change;
 * - 'comment': a comment thread row (text, replies, status, anchor text).
 */
export type WriteKind = 'content' | 'sections' | 'comment'

export const LOCK_MESSAGES = {
  approved: '报告已审核通过，不能修改。如需修改，请审核人重新打开。',
  sent: '报告已报送，不能修改。如需修改，请审核人重新打开。',
  submitted: '报告正在审核中，不能修改。请等审核人退回后再修改；审核人的修改会作为修订建议保存。',
  submittedLeader: '报告正在审核中：审核人只能以修订建议和批注的方式修改正文，不能直接修改文字、指标、标题、章节结构或排版设置。',
  comment: '报告已审核通过，不能再添加批注或改动批注所指的原文。'
} as const

/** Whether a report in `status` is locked against its content (figures, meta, layout, outline…). */
export function isLocked(status: ReportStatus): boolean {
  return status === 'submitted' || status === 'approved' || status === 'sent'
}

/** The refusal for a write of `kind` while the report is in `status`, or null if allowed. */
export function lockRefusal(status: ReportStatus, role: Role, kind: WriteKind): string | null {
  if (status === 'approved') return kind === 'comment' ? LOCK_MESSAGES.comment : LOCK_MESSAGES.approved
  if (status === 'sent') return kind === 'comment' ? LOCK_MESSAGES.comment : LOCK_MESSAGES.sent
  if (status === 'submitted') {
    // Comments are allowed to both while the report is with the leader; section writes are
    // judged change by change (sectionChangeRefusal); everything else waits.
    if (kind === 'comment' || kind === 'sections') return null
    return role === 'leader' ? LOCK_MESSAGES.submittedLeader : LOCK_MESSAGES.submitted
  }
  return null
}

type AnyNode = InlineJSON & { marks?: Array<{ type: string }> }

/** Adjacent text nodes with the same marks as one: marking a word splits a text node in two. */
function mergeText(block: BlockJSON): unknown {
  return {
    ...block,
    content: block.content.map((container) => {
      const c = container as { type: string; content?: InlineJSON[] }
      if (!c.content) return c
      const merged: AnyNode[] = []
      for (const node of c.content as AnyNode[]) {
        const last = merged[merged.length - 1]
        if (last && last.type === 'text' && node.type === 'text' && canonicalJSON(last.marks ?? []) === canonicalJSON(node.marks ?? [])) {
          merged[merged.length - 1] = { ...last, text: last.text + node.text } as AnyNode
        } else merged.push(node)
      }
      return { ...c, content: merged }
    })
  }
}

/** The section as it reads with pending suggestions rejected and comment anchors removed. */
function standingText(block: BlockJSON): string {
  const settled = settleSuggestions({ content: [block] }, 'reject', { dropComments: true }).content[0]
  return canonicalJSON(mergeText(settled))
}

/** The section with comment anchors removed (suggestions kept as they are). */
function withoutComments(block: BlockJSON): string {
  const strip = (b: BlockJSON): BlockJSON =>
    ({
      ...b,
      content: b.content.map((container) => {
        const c = container as { content?: AnyNode[] }
        if (!c.content) return c
        return {
          ...c,
          content: c.content.map((n) => {
            const marks = (n.marks ?? []).filter((m) => m.type !== 'comment')
            const copy = { ...n } as AnyNode
            if (marks.length) copy.marks = marks as never
            else delete copy.marks
            return copy
          })
        }
      })
    }) as BlockJSON
  return canonicalJSON(mergeText(strip(block)))
}

/**
 * While a report is submitted, a section write is allowed only when it leaves the text as it
 * stands: the leader may add or withdraw suggestions and comment anchors (rejecting a
 * suggestion keeps the original text), the clerk may only add comment anchors. Accepting a
 * suggestion, a direct edit, a new or removed section or a reorder is refused.
 */
export function sectionChangeRefusal(
  status: ReportStatus,
  role: Role,
  change: { before: ReadonlyMap<string, BlockJSON>; changed: readonly BlockJSON[]; removedIds: readonly string[]; orderChanged: boolean }
): string | null {
  const base = lockRefusal(status, role, 'sections')
  if (base) return base
  if (status !== 'submitted') return null
  const refusal = role === 'leader' ? LOCK_MESSAGES.submittedLeader : LOCK_MESSAGES.submitted
  if (change.removedIds.length > 0 || change.orderChanged) return refusal
  const same = role === 'leader' ? standingText : withoutComments
  for (const next of change.changed) {
    const stored = change.before.get(next.attrs.id)
    if (!stored || same(stored) !== same(next)) return refusal
  }
  return null
}
