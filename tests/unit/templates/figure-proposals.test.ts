// 数字检查's proposals on the project's labelled corpus (tests/fixtures/figure-corpus.ts): loose
// bounds, since the corpus is small; `npm run bench` prints the exact figures.
import { describe, expect, it } from 'vitest'
import { findProseFigures, unitsCompatible } from '@core/prose-figures'
import { RULE_OF_LAW_TEMPLATE as T } from '@core/templates'
import { FIGURE_CORPUS, scoreCorpus } from '../../fixtures/figure-corpus'

describe('metric proposals on the labelled corpus', () => {
  const score = scoreCorpus((s) => findProseFigures(s, T))

  it('has enough varied sentences, with and without a meant metric', () => {
    expect(FIGURE_CORPUS.length).toBeGreaterThanOrEqual(60)
    expect(score.meant).toBeGreaterThanOrEqual(25)
    expect(FIGURE_CORPUS.filter((e) => e.expect === null).length).toBeGreaterThanOrEqual(25)
    expect(new Set(FIGURE_CORPUS.map((e) => e.expect).filter(Boolean)).size).toBeGreaterThanOrEqual(15)
  })

  it('at least 90 % of first proposals are right, and pre-selections are right', () => {
    expect(score.proposed).toBeGreaterThan(0)
    expect(score.precision, JSON.stringify(score.wrong)).toBeGreaterThanOrEqual(0.9)
    expect(score.preselected).toBeGreaterThan(0)
    expect(score.preselectPrecision).toBeGreaterThanOrEqual(0.95)
  })

  it('still finds most meant metrics (recall)', () => {
    expect(score.recall).toBeGreaterThanOrEqual(0.7)
  })

  it('the corpus tells the two rules apart: unit alone would be mostly wrong', () => {
    const byUnit = scoreCorpus((s) =>
      findProseFigures(s, T).map((f) => {
        const ids = T.metrics.filter((m) => m.type !== 'text' && m.formula === undefined && unitsCompatible(f.unit, m.unit)).map((m) => m.id)
        return { text: f.text, candidates: ids, preselect: ids[0] ?? null }
      })
    )
    expect(byUnit.proposed).toBeGreaterThan(score.proposed)
    expect(byUnit.precision).toBeLessThan(0.6)
  })
})
