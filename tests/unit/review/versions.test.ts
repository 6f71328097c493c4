// Version comparison (text and figures) and the content hash approval records.
import { describe, expect, it } from 'vitest'
import { contentHash, describeMetricChange, diffContents, type ReportContent } from '@core/review/versions'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import type { MetricValue } from '@core/template'
import { META, blocks, chip, comment, ins, sectionOf, t } from './fixtures'

const tpl = RULE_OF_LAW_TEMPLATE
const patrol = tpl.metrics.find((m) => m.type === 'integer' && m.unit)!
const other = tpl.metrics.find((m) => m.type === 'integer' && m.id !== patrol.id)!

function content(sections: ReturnType<typeof blocks>, values: MetricValue[] = []): ReportContent {
  return { meta: META, sections, values }
}

describe('diffContents', () => {
  const older = content(
    blocks([t('本年度我镇依法行政工作稳步推进。')], sectionOf('a', '主要做法', [t('全年开展巡查'), chip(patrol.id), t('。')]), sectionOf('b', '存在问题', [t('队伍力量不足。')])),
    [{ metricId: patrol.id, value: 120, qualifier: '' }]
  )
  const newer = content(
    blocks([t('本年度我镇依法行政工作扎实推进。')], sectionOf('a', '主要做法', [t('全年开展巡查'), chip(patrol.id), t('。')]), sectionOf('c', '下一步打算', [t('加强培训。')])),
    [
      { metricId: patrol.id, value: 126, qualifier: '' },
      { metricId: other.id, value: 5, qualifier: '' }
    ]
  )

  it('shows inserted and deleted text inline, matched by section', () => {
    const d = diffContents(older, newer, tpl)
    const preamble = d.blocks.find((b) => b.id === 'preamble')!
    expect(preamble.status).toBe('changed')
    expect(preamble.parts.filter((p) => p.kind === 'del').map((p) => p.text).join('')).toBe('稳步')
    expect(preamble.parts.filter((p) => p.kind === 'ins').map((p) => p.text).join('')).toBe('扎实')
    // Both sides rebuild from the parts.
    expect(preamble.parts.filter((p) => p.kind !== 'ins').map((p) => p.text).join('')).toBe('本年度我镇依法行政工作稳步推进。')
    expect(preamble.parts.filter((p) => p.kind !== 'del').map((p) => p.text).join('')).toBe('本年度我镇依法行政工作扎实推进。')
  })

  it('reports added and removed sections in place', () => {
    const d = diffContents(older, newer, tpl)
    expect(d.blocks.map((b) => [b.id, b.status])).toEqual([
      ['preamble', 'changed'],
      ['a', 'changed'],
      ['b', 'removed'],
      ['c', 'added']
    ])
    expect(d.blocks.find((b) => b.id === 'b')!.parts).toEqual([{ kind: 'del', text: '存在问题\n队伍力量不足。' }])
  })

  it('lists the figures that changed, with before and after as written', () => {
    const d = diffContents(older, newer, tpl)
    expect(d.metrics.map((m) => m.metricId).sort()).toEqual([patrol.id, other.id].sort())
    const change = d.metrics.find((m) => m.metricId === patrol.id)!
    expect(change.before).toBe(`120${patrol.unit}`)
    expect(change.after).toBe(`126${patrol.unit}`)
    expect(describeMetricChange(change)).toBe(`${patrol.label} 120${patrol.unit} → 126${patrol.unit}`)
    expect(d.metrics.find((m) => m.metricId === other.id)!.before).toBe('未填')
    // Chip text follows each version's own figures: the chip's section changed too.
    expect(d.blocks.find((b) => b.id === 'a')!.parts.some((p) => p.kind === 'ins' && p.text.includes('6'))).toBe(true)
  })

  it('finds nothing between identical contents, and ignores comments and pending suggestions', () => {
    const plain = content(blocks([t('甲乙丙。')]))
    const marked = content(blocks([t('甲乙', comment('c1')), t('新增', ins('s1')), t('丙。')]))
    expect(diffContents(plain, plain, tpl).changeCount).toBe(0)
    const d = diffContents(plain, marked, tpl)
    expect(d.changeCount).toBe(0)
    expect(d.blocks[0].status).toBe('same')
  })
})

describe('contentHash', () => {
  it('is stable under value order and changes with any text or figure', async () => {
    const values: MetricValue[] = [
      { metricId: patrol.id, value: 120, qualifier: '' },
      { metricId: other.id, value: 3, qualifier: '' }
    ]
    const a = await contentHash(content(blocks([t('正文。')]), values))
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(await contentHash(content(blocks([t('正文。')]), [...values].reverse()))).toBe(a)
    expect(await contentHash(content(blocks([t('正文！')]), values))).not.toBe(a)
    expect(await contentHash(content(blocks([t('正文。')]), [{ ...values[0], value: 121 }, values[1]]))).not.toBe(a)
  })
})
