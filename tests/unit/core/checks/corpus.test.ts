// The labelled corpus (tests/fixtures/proofread-corpus.ts): precision and recall per rule family.
// `npm run bench` prints the exact figures; this asserts them loosely so a regression shows.
import { describe, expect, it } from 'vitest'
import { CORPUS, scoreCorpus } from '../../../fixtures/proofread-corpus'

describe('proofreading corpus', () => {
  it('has at least 120 sentences: clean ones and every family', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(120)
    expect(CORPUS.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(40)
    for (const f of ['completeness', 'figures', 'format'] as const) expect(CORPUS.filter((e) => e.expect.includes(f)).length).toBeGreaterThanOrEqual(12)
  })

  it('keeps precision ≥ 90% and recall ≥ 85% in every family', () => {
    const { scores, misses } = scoreCorpus()
    for (const s of scores) {
      expect(s.truePositives, s.family).toBeGreaterThan(0)
      expect(s.precision, `${s.family} precision; ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9)
      expect(s.recall, `${s.family} recall; ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.85)
    }
  })
})
