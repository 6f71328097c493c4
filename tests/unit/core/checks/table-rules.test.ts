import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { tableRules } from '@core/checks/table-rules'
import type { MetricValue, ReportTemplate } from '@core/template'
import { input } from './helpers'

const template: ReportTemplate = {
  id: 't', version: 1, name: 't', description: '', builtIn: false, titlePattern: '', defaultAddressee: '', preambleGuidance: '', sections: [],
  metrics: [
    { id: 'received', label: '收到申请', unit: '件', type: 'integer', qualifiers: [], sectionKey: 'x' },
    { id: 'done', label: '办结', unit: '件', type: 'integer', qualifiers: [], sectionKey: 'x' },
    { id: 'open', label: '未办结', unit: '件', type: 'integer', qualifiers: [], sectionKey: 'x' }
  ],
  checks: [{ id: 'balance', left: 'received', op: '=', right: 'done + open', message: '收到申请数应等于办结数加未办结数' }]
}
const v = (metricId: string, value: number): MetricValue => ({ metricId, value, qualifier: '' })

describe('table-rule', () => {
  it('reports a balance rule that does not hold (14 vs 16)', () => {
    const items = runChecks(input({}, { template, values: [v('received', 14), v('done', 10), v('open', 6)] }), [tableRules])
    expect(items).toHaveLength(1)
    expect(items[0].message).toContain('14')
    expect(items[0].message).toContain('16')
    expect(items[0].severity).toBe('必须修改')
  })
  it('is silent when the rule holds', () => {
    expect(runChecks(input({}, { template, values: [v('received', 16), v('done', 10), v('open', 6)] }), [tableRules])).toEqual([])
  })
})
