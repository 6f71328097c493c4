// Review marks in stored JSON: listing and settling suggestions, comment anchors, orphans,
// and how the exporters' resolver treats them.
import { describe, expect, it } from 'vitest'
import { commentAnchors, listSuggestions, reconcileThreads, settleSuggestions } from '@core/review/marks'
import { resolveReport } from '@core/resolve'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import type { Report, ReportDocJSON } from '@core/report'
import { META, blocks, chip, comment, del, ins, sectionOf, t } from './fixtures'

const text = (doc: { content: readonly { content: readonly { content?: readonly { type: string; text?: string }[] }[] }[] }) =>
  doc.content.map((b) => b.content.map((c) => (c.content ?? []).map((n) => n.text ?? '▢').join('')).join('|')).join('#')

const doc = {
  content: blocks(
    [t('全年'), t('累计', del('s1')), t('共', ins('s2')), t('开展检查。', comment('c1'))],
    sectionOf('a', '主要做法', [t('完善制度'), t('十二项', ins('s3', '王小明')), t('。')])
  )
}

describe('suggestions in JSON', () => {
  it('lists each pending suggestion once, in document order, with author', () => {
    expect(listSuggestions(doc)).toEqual([
      { id: 's1', kind: 'deletion', author: '李主任', at: 1000, text: '累计' },
      { id: 's2', kind: 'insertion', author: '李主任', at: 1000, text: '共' },
      { id: 's3', kind: 'insertion', author: '王小明', at: 1000, text: '十二项' }
    ])
  })

  it('accepting keeps insertions and drops deleted text; rejecting the opposite', () => {
    expect(text(settleSuggestions(doc, 'accept'))).toBe('全年共开展检查。#主要做法|完善制度十二项。')
    expect(text(settleSuggestions(doc, 'reject'))).toBe('全年累计开展检查。#主要做法|完善制度。')
    expect(listSuggestions(settleSuggestions(doc, 'accept'))).toEqual([])
  })

  it('keeps comments when settling unless asked to drop them', () => {
    expect(commentAnchors(settleSuggestions(doc, 'accept')).get('c1')).toBe('开展检查。')
    expect(commentAnchors(settleSuggestions(doc, 'accept', { dropComments: true })).size).toBe(0)
  })
})

describe('comment anchors', () => {
  it('joins the text of every node carrying the thread, chips included', () => {
    const d = { content: blocks([t('巡查'), chip('enforcement.patrols', comment('c9')), t('次', comment('c9'))]) }
    expect(commentAnchors(d).get('c9')).toBe('▢次')
  })

  it('marks a thread orphaned when its text is gone, keeps its old text, and re-anchors it when the text returns', () => {
    const threads = [
      { id: 'c1', anchorText: '开展检查。', orphaned: false },
      { id: 'gone', anchorText: '已删除的一句', orphaned: false }
    ]
    const states = reconcileThreads(threads, doc)
    expect(states).toEqual([
      { id: 'c1', orphaned: false, anchorText: '开展检查。' },
      { id: 'gone', orphaned: true, anchorText: '已删除的一句' }
    ])
    const back = { content: blocks([t('又回来了', comment('gone'))]) }
    expect(reconcileThreads([{ id: 'gone', anchorText: '已删除的一句', orphaned: true }], back)).toEqual([{ id: 'gone', orphaned: false, anchorText: '又回来了' }])
  })
})

describe('resolver and review marks', () => {
  const report: Report = {
    id: 'r',
    templateId: RULE_OF_LAW_TEMPLATE.id,
    templateVersion: RULE_OF_LAW_TEMPLATE.version,
    meta: META,
    status: 'draft',
    sectionOrder: [],
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null
  }
  const json = { type: 'doc', content: doc.content } as ReportDocJSON

  it('leaves pending suggestions out of a normal export (the original text)', () => {
    const r = resolveReport(report, json, RULE_OF_LAW_TEMPLATE, [])
    expect(r.preamble[0].runs.map((x) => x.text).join('')).toBe('全年累计开展检查。')
    expect(r.preamble[0].runs.length).toBeGreaterThan(0)
    expect(r.preamble[0].runs.every((x) => x.review === undefined)).toBe(true)
  })

  it('keeps suggestions and comments as separate runs for the review export', () => {
    const r = resolveReport(report, json, RULE_OF_LAW_TEMPLATE, [], { review: true })
    const runs = r.preamble[0].runs
    expect(runs.map((x) => x.text)).toEqual(['全年', '累计', '共', '开展检查。'])
    expect(runs[1].review?.change).toMatchObject({ kind: 'deletion', id: 's1', author: '李主任' })
    expect(runs[2].review?.change).toMatchObject({ kind: 'insertion', id: 's2' })
    expect(runs[3].review?.comments).toEqual(['c1'])
  })
})
