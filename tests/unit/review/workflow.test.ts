// Every (status, action, role) combination of the review workflow, allowed or refused.
import { describe, expect, it } from 'vitest'
import type { ReportStatus } from '@core/report'
import { availableActions, canComment, editPolicy, transition, type Role, type WorkflowAction } from '@core/review/workflow'

const STATUSES: ReportStatus[] = ['draft', 'submitted', 'returned', 'approved', 'sent']
const ACTIONS: WorkflowAction[] = ['submit', 'return', 'approve', 'reopen', 'export']
const ROLES: Role[] = ['clerk', 'leader']

// The workflow written out as data: (action, from) → to, and who may do it.
const ALLOWED: Array<[WorkflowAction, ReportStatus, ReportStatus, Role[]]> = [
  ['submit', 'draft', 'submitted', ['clerk', 'leader']],
  ['submit', 'returned', 'submitted', ['clerk', 'leader']],
  ['return', 'submitted', 'returned', ['leader']],
  ['approve', 'submitted', 'approved', ['leader']],
  ['reopen', 'approved', 'draft', ['leader']],
  ['reopen', 'sent', 'draft', ['leader']],
  ['export', 'approved', 'sent', ['clerk', 'leader']],
  ['export', 'sent', 'sent', ['clerk', 'leader']]
]

describe('workflow transitions', () => {
  for (const status of STATUSES) {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const rule = ALLOWED.find(([a, from]) => a === action && from === status)
        const allowed = rule !== undefined && rule[3].includes(role)
        it(`${action} from ${status} as ${role} is ${allowed ? 'allowed' : 'refused'}`, () => {
          const result = transition(status, action, { role, opinion: '请补充数据来源。', pendingSuggestions: 0 })
          if (allowed) {
            expect(result).toEqual({ ok: true, next: rule![2] })
          } else {
            expect(result.ok).toBe(false)
            if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/)
          }
        })
      }
    }
  }

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

  it('offers only the actions a role may take', () => {
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
