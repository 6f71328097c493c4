// Figure proposals (数字检查, issue 9 item 1): precision/recall of the metric proposed for each
// figure of the labelled corpus (tests/fixtures/figure-corpus.ts), ours against the unit-only
// rule the app used before (same unit → offered, first one pre-selected), and the time one pass
// over the corpus takes, both rules interleaved. Printed, never asserted.
import { performance } from 'node:perf_hooks'
import { findProseFigures, unitsCompatible } from '../src-renderer/src/core/prose-figures'
import { RULE_OF_LAW_TEMPLATE } from '../src-renderer/src/core/templates'
import { FIGURE_CORPUS, scoreCorpus, type CorpusScore, type Proposer } from '../tests/fixtures/figure-corpus'
import { summarize, type Summary } from './lib/stats'

export interface FigureProposalFigures {
  sentences: number
  ours: CorpusScore
  baseline: CorpusScore
  time: { ours: Summary; baseline: Summary; runs: number }
}

const T = RULE_OF_LAW_TEMPLATE

const ours: Proposer = (s) => findProseFigures(s, T)

/** The earlier rule: every metric of the figure's unit, the first one pre-selected (same finder). */
const unitOnly: Proposer = (s) =>
  findProseFigures(s, T, [], { propose: false }).map((f) => {
    const ids = T.metrics.filter((m) => m.type !== 'text' && m.formula === undefined && unitsCompatible(f.unit, m.unit)).map((m) => m.id)
    return { text: f.text, candidates: ids, preselect: ids[0] ?? null }
  })

function pass(p: Proposer): number {
  const t0 = performance.now()
  for (const e of FIGURE_CORPUS) p(e.text)
  return performance.now() - t0
}

export function measureFigureProposals(runs = 21): FigureProposalFigures {
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < 3; i++) (pass(ours), pass(unitOnly))
  for (let i = 0; i < runs; i++) {
    // Interleaved, alternating which goes first, so drift hits both alike.
    if (i % 2) (b.push(pass(unitOnly)), a.push(pass(ours)))
    else (a.push(pass(ours)), b.push(pass(unitOnly)))
  }
  return { sentences: FIGURE_CORPUS.length, ours: scoreCorpus(ours), baseline: scoreCorpus(unitOnly), time: { ours: summarize(a), baseline: summarize(b), runs } }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

export function figureProposalRows(f: FigureProposalFigures): string[][] {
  const goal = f.ours.precision >= 0.9 ? 'meets goal (≥ 90%)' : 'BELOW goal (≥ 90%)'
  return [
    ['6 Figure proposals: precision', pct(f.ours.precision), pct(f.baseline.precision), '', `${f.ours.proposedRight}/${f.ours.proposed} vs ${f.baseline.proposedRight}/${f.baseline.proposed} first proposals right; ${goal}`],
    ['  recall', pct(f.ours.recall), pct(f.baseline.recall), '', `${f.ours.meant} figures meant for a metric in ${f.sentences} sentences`],
    ['  pre-selected right', pct(f.ours.preselectPrecision), pct(f.baseline.preselectPrecision), '', `${f.ours.preselectedRight}/${f.ours.preselected} vs ${f.baseline.preselectedRight}/${f.baseline.preselected}; goal: only the single strong match`],
    ['  every offered candidate right', pct(f.ours.offeredPrecision), pct(f.baseline.offeredPrecision), '', 'all metrics listed, not only the first'],
    [
      '  one pass over the corpus, median',
      `${f.time.ours.median.toFixed(2)} ms`,
      `${f.time.baseline.median.toFixed(2)} ms`,
      `${(f.time.ours.median / f.time.baseline.median).toFixed(2)}×`,
      `min/max ${f.time.ours.min.toFixed(2)}/${f.time.ours.max.toFixed(2)} vs ${f.time.baseline.min.toFixed(2)}/${f.time.baseline.max.toFixed(2)} ms; ${f.time.runs} interleaved runs; ` +
        `${(f.time.ours.median / f.sentences).toFixed(3)} ms per sentence: ${f.time.ours.median / f.sentences < 1 ? 'meets' : 'MISSES'} goal (< 1 ms, 数字检查 opens at once)`
    ]
  ]
}
