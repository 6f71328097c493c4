// The page view's comments: same text (hence same pages) as the PDF, with the comment anchors
// kept; open threads numbered in reading order, orphans last.
import { describe, expect, it } from 'vitest'
import { numberOpenThreads, threadNumbers, withoutSuggestedInsertions } from '@core/pages/comments'
import { reportBlocks, type PageBlock } from '@core/pages/blocks'
import { GBT9704_PROFILE } from '@core/layout'
import { resolveReport } from '@core/resolve'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import type { Report, ReportDocJSON } from '@core/report'
import type { CommentThread } from '@core/review/threads'
import { META, blocks, chip, comment, del, ins, sectionOf, t } from '../review/fixtures'

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

// c2 is written first but its text comes later; c1 spans a bold run and a plain one; a
// suggested insertion carries a comment of its own (c3) and starts a paragraph.
const doc = {
  type: 'doc',
  content: blocks(
    [t('　　新增一句', ins('s0'), comment('c3')), t('全年'), t('累计', del('s1')), t('共', ins('s2')), t('开展检查', comment('c1')), t('九次', comment('c1'), { type: 'bold' }), t('。')],
    sectionOf('a', '主要做法', [t('完善'), t('制度', comment('c2')), chip('patrols', comment('c2')), t('。')])
  )
} as ReportDocJSON

const plainText = (bs: PageBlock[]) => bs.map((b) => (b.kind === 'body' || b.kind === 'heading' ? b.runs.map((r) => r.text).join('') : b.kind)).join('|')
const layout = (review: boolean) => {
  const r = review ? resolveReport(report, withoutSuggestedInsertions(doc), RULE_OF_LAW_TEMPLATE, [], { review: true }) : resolveReport(report, doc, RULE_OF_LAW_TEMPLATE, [])
  return reportBlocks(r, GBT9704_PROFILE, { signatureRule: 'no-seal', attachments: [] })
}

function thread(id: string, createdAt: number, patch: Partial<CommentThread> = {}): CommentThread {
  return {
    id,
    reportId: 'r',
    anchorText: id,
    status: 'open',
    author: { role: 'leader', name: '李主任' },
    text: `意见${id}`,
    createdAt,
    updatedAt: createdAt,
    replies: [],
    orphaned: false,
    ...patch
  }
}

describe('page view text with comments', () => {
  it('has exactly the text of the plain (PDF) resolve: insertions out, deletions in', () => {
    const withComments = layout(true)
    const plain = layout(false)
    expect(plainText(withComments)).toBe(plainText(plain))
    expect(plainText(withComments)).not.toContain('新增一句')
    expect(plainText(withComments)).toContain('全年累计开展检查九次。')
  })

  it('keeps the comment thread ids on the runs, and none in the plain resolve', () => {
    const runs = layout(true).flatMap((b) => (b.kind === 'body' ? b.runs : []))
    expect(runs.filter((r) => r.review?.comments?.includes('c1')).map((r) => r.text)).toEqual(['开展检查', '九次'])
    expect(runs.some((r) => r.review?.comments?.includes('c3'))).toBe(false)
    expect(layout(false).length).toBeGreaterThan(0)
    expect(layout(false).every((b) => b.kind !== 'body' || b.runs.every((r) => r.review === undefined))).toBe(true)
  })
})

describe('numbering open threads', () => {
  const threads = [
    thread('c2', 1),
    thread('gone', 2, { orphaned: true }),
    thread('c1', 3),
    thread('done', 4, { status: 'resolved' }),
    thread('c3', 5)
  ]

  it('numbers threads on the sheets in reading order, then the rest by creation time; resolved ones are left out', () => {
    const numbered = numberOpenThreads(layout(true), threads)
    expect(numbered.map((n) => [n.number, n.thread.id, n.onSheet])).toEqual([
      [1, 'c1', true],
      [2, 'c2', true],
      [3, 'gone', false],
      [4, 'c3', false]
    ])
    expect([...threadNumbers(numbered)]).toEqual([
      ['c1', 1],
      ['c2', 2]
    ])
  })

  it('gives nothing to number when every thread is resolved', () => {
    expect(numberOpenThreads(layout(true), [thread('c1', 1, { status: 'resolved' })])).toEqual([])
  })
})
