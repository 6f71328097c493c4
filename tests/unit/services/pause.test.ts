import { describe, expect, it } from 'vitest'
import { msUntilDue } from '../../../src-renderer/src/services/pause'

describe('msUntilDue', () => {
  it('is due a pause after the latest change, or the max wait after the first, whichever comes first', () => {
    // Changes at 0 and 100 ms: the pause (300 ms) ends at 400, the max wait (700 ms) at 700.
    expect(msUntilDue(150, { first: 0, last: 100 }, 300, 700)).toBe(250)
    // Typing went on until 600: the pause would end at 900, the max wait at 700 comes first.
    expect(msUntilDue(650, { first: 0, last: 600 }, 300, 700)).toBe(50)
    // Past both: due now, never a negative wait.
    expect(msUntilDue(1000, { first: 0, last: 600 }, 300, 700)).toBe(0)
  })
})
