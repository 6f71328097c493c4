// The review workflow as a pure state machine: which action moves a report from which status,
// who may take it, and what it refuses with (always a Chinese sentence the UI can show as is).
import type { ReportStatus } from '../report'

/** The two people sharing the PC: 起草人 drafts, 审核人 (the leader) reviews. */
export type Role = 'clerk' | 'leader'

export const ROLE_LABELS: Record<Role, string> = { clerk: '起草人', leader: '审核人' }

export type WorkflowAction = 'submit' | 'return' | 'approve' | 'reopen' | 'export'

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '送审',
  return: '退回修改',
  approve: '审核通过',
  reopen: '重新打开',
  export: '报送导出'
}

export interface TransitionContext {
  role: Role
  /** Suggested edits not yet accepted or rejected. */
  pendingSuggestions?: number
  /** The leader's opinion (审核意见); required to return a report. */
  opinion?: string
}

export type TransitionResult = { ok: true; next: ReportStatus } | { ok: false; message: string }

interface Rule {
  from: readonly ReportStatus[]
  to: ReportStatus
  leaderOnly: boolean
}

const RULES: Record<WorkflowAction, Rule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', leaderOnly: false },
  return: { from: ['submitted'], to: 'returned', leaderOnly: true },
  approve: { from: ['submitted'], to: 'approved', leaderOnly: true },
  // Reopening takes an approved (or already sent) report back to an editable draft.
  reopen: { from: ['approved', 'sent'], to: 'draft', leaderOnly: true },
  // Exporting the approved text marks it 已报送; exporting again later keeps it there.
  export: { from: ['approved', 'sent'], to: 'sent', leaderOnly: false }
}

const STATUS_NAMES: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已送审',
  returned: '已退回修改',
  approved: '已审核通过',
  sent: '已报送'
}

const WRONG_STATUS: Record<WorkflowAction, string> = {
  submit: '只有草稿或退回修改的报告可以送审',
  return: '只有已送审的报告可以退回修改',
  approve: '只有已送审的报告可以审核通过',
  reopen: '只有审核通过或已报送的报告需要重新打开',
  export: '报告审核通过后才能报送导出'
}

export function transition(status: ReportStatus, action: WorkflowAction, ctx: TransitionContext): TransitionResult {
  const rule = RULES[action]
  if (!rule.from.includes(status)) {
    return { ok: false, message: `无法${ACTION_LABELS[action]}：这份报告目前${STATUS_NAMES[status]}，${WRONG_STATUS[action]}。` }
  }
  if (rule.leaderOnly && ctx.role !== 'leader') {
    return { ok: false, message: `只有审核人可以${ACTION_LABELS[action]}。请先在顶栏切换到审核人（需要输入PIN）。` }
  }
  if (action === 'return' && !(ctx.opinion ?? '').trim()) {
    return { ok: false, message: '退回修改需要填写审核意见，请写明需要修改的地方。' }
  }
  if (action === 'approve' && (ctx.pendingSuggestions ?? 0) > 0) {
    return {
      ok: false,
      message: `还有 ${ctx.pendingSuggestions} 处修订建议未处理，不能审核通过。请先逐条接受或拒绝（也可“全部接受”/“全部拒绝”）。`
    }
  }
  return { ok: true, next: rule.to }
}

/** Actions the UI offers for a status and role (refused ones are simply not shown). */
export function availableActions(status: ReportStatus, role: Role): WorkflowAction[] {
  return (Object.keys(RULES) as WorkflowAction[]).filter((a) => {
    const rule = RULES[a]
    return a !== 'export' && rule.from.includes(status) && (!rule.leaderOnly || role === 'leader')
  })
}

/**
 * How the editor behaves: 'edit' freely, 'suggest' (every change becomes a suggestion), or
 * 'readonly'. While a report is with the leader the clerk waits; the leader's edits are
 * suggestions so the clerk sees and answers each one. Approved and sent text is locked.
 */
export type EditPolicy = 'edit' | 'suggest' | 'readonly'

export function editPolicy(status: ReportStatus, role: Role): EditPolicy {
  if (status === 'approved' || status === 'sent') return 'readonly'
  if (status === 'submitted') return role === 'leader' ? 'suggest' : 'readonly'
  return 'edit'
}

/** Comments can be written whenever the text is not locked (also by the clerk while submitted). */
export function canComment(status: ReportStatus): boolean {
  return status !== 'approved' && status !== 'sent'
}
