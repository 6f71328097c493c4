// The review workflow as the README documents it, walked as scenarios: the clerk drafts and
// submits (送审), the leader returns it with an opinion (退回修改) or approves it (审核通过, the
// leader's alone), exporting the approved text marks it 已报送, and only the leader reopens.
import { describe, expect, it } from 'vitest'
import type { ReportStatus } from '@core/report'
import { availableActions, canComment, editPolicy, transition, type Role, type TransitionContext, type WorkflowAction } from '@core/review/workflow'

const ROLES: Role[] = ['clerk', 'leader']
const clerk: TransitionContext = { role: 'clerk' }
const leader: TransitionContext = { role: 'leader', opinion: '请补充数据来源。', pendingSuggestions: 0 }

/** Applies the steps in order, failing on the first refused one; returns the statuses passed. */
function walk(start: ReportStatus, steps: Array<[WorkflowAction, TransitionContext]>): ReportStatus[] {
  const seen: ReportStatus[] = [start]
  for (const [action, ctx] of steps) {
    const r = transition(seen.at(-1)!, action, ctx)
    if (!r.ok) throw new Error(`${action} as ${ctx.role} from ${seen.at(-1)} refused: ${r.message}`)
    seen.push(r.next)
  }
  return seen
}

function refused(status: ReportStatus, action: WorkflowAction, ctx: TransitionContext): string {
  const r = transition(status, action, ctx)
  expect(r.ok, `${action} as ${ctx.role} from ${status}`).toBe(false)
  const message = r.ok ? '' : r.message
  expect(message).toMatch(/[\u4e00-\u9fff]/)
  return message
}

describe('workflow scenarios', () => {
  it('draft → 送审 → 退回修改 → 送审 again → 审核通过 → 报送导出 (twice) → 重新打开 by the leader', () => {
    expect(
      walk('draft', [
        ['submit', clerk],
        ['return', leader],
        ['submit', clerk],
        ['approve', leader],
        ['export', clerk],
        ['export', clerk],
        ['reopen', leader]
      ])
    ).toEqual(['draft', 'submitted', 'returned', 'submitted', 'approved', 'sent', 'sent', 'draft'])
  })

  it('the leader may also submit (same PC) and reopen an approved report before it is sent', () => {
    expect(walk('draft', [['submit', leader], ['approve', leader], ['reopen', leader]])).toEqual(['draft', 'submitted', 'approved', 'draft'])
  })

  it('approving, returning and reopening are the leader’s alone', () => {
    refused('submitted', 'approve', clerk)
    refused('submitted', 'return', { ...clerk, opinion: '我想退回' })
    refused('approved', 'reopen', clerk)
    refused('sent', 'reopen', clerk)
  })

  it('nothing skips the review: a draft cannot be approved, returned or exported, and a report cannot be submitted twice', () => {
    for (const action of ['approve', 'return', 'export', 'reopen'] as const) refused('draft', action, leader)
    refused('submitted', 'submit', clerk)
    refused('submitted', 'export', leader)
    refused('returned', 'approve', leader)
    refused('returned', 'export', clerk)
    refused('approved', 'submit', clerk)
    refused('approved', 'approve', leader)
    refused('sent', 'submit', clerk)
  })
  it('says the leader role is needed when the clerk tries a leader action', () => {
    const r = transition('submitted', 'approve', { role: 'clerk' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain('审核人')
  })

  it('refuses approval while suggestions are pending, naming how many', () => {
    const r = transition('submitted', 'approve', { role: 'leader', pendingSuggestions: 3 })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message).toContain('3')
      expect(r.message).toContain('修订')
    }
    expect(transition('submitted', 'approve', { role: 'leader', pendingSuggestions: 0 }).ok).toBe(true)
  })

  it('needs an opinion to return a report', () => {
    expect(transition('submitted', 'return', { role: 'leader', opinion: '  ' }).ok).toBe(false)
    expect(transition('submitted', 'return', { role: 'leader' }).ok).toBe(false)
    expect(transition('submitted', 'return', { role: 'leader', opinion: '第二部分数字需核实' })).toEqual({ ok: true, next: 'returned' })
  })

  it('offers only the actions a role may take (and the UI shows no others)', () => {
    expect(availableActions('draft', 'clerk')).toEqual(['submit'])
    expect(availableActions('submitted', 'clerk')).toEqual([])
    expect(availableActions('submitted', 'leader').sort()).toEqual(['approve', 'return'])
    expect(availableActions('approved', 'clerk')).toEqual([])
    expect(availableActions('approved', 'leader')).toEqual(['reopen'])
  })

  it('locks approved and sent text; the leader suggests while it is submitted', () => {
    for (const role of ROLES) {
      expect(editPolicy('approved', role)).toBe('readonly')
      expect(editPolicy('sent', role)).toBe('readonly')
      expect(editPolicy('draft', role)).toBe('edit')
      expect(editPolicy('returned', role)).toBe('edit')
    }
    expect(editPolicy('submitted', 'leader')).toBe('suggest')
    expect(editPolicy('submitted', 'clerk')).toBe('readonly')
    expect(canComment('approved')).toBe(false)
    expect(canComment('submitted')).toBe(true)
  })
})
