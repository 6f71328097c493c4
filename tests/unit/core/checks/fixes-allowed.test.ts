import { describe, expect, it } from 'vitest'
import { fixesAllowed } from '@core/checks'

describe('fixesAllowed (approval lock)', () => {
  it('lets the clerk fix a draft or a returned report', () => {
    expect(fixesAllowed('draft', 'clerk')).toBe(true)
    expect(fixesAllowed('returned', 'clerk')).toBe(true)
  })
  it('refuses fixes on submitted, approved and sent reports, whoever asks', () => {
    for (const status of ['submitted', 'approved', 'sent'] as const) {
      expect(fixesAllowed(status, 'clerk'), status).toBe(false)
      expect(fixesAllowed(status, 'leader'), status).toBe(false)
    }
  })
})
