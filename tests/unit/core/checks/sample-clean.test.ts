// The clean sample report (tests/fixtures, the project's own words) passes the checks: nothing
// 必须修改 and at most two 建议检查 — a checker that nags on a good report is not used.
import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { resolveReport } from '@core/resolve'
import { loadSampleReport } from '../../../fixtures/sample-report'

describe('checks on the clean sample report', () => {
  it('finds nothing to fix and at most two things to look at', () => {
    const { report, doc, template, values } = loadSampleReport()
    const resolved = resolveReport(report, doc, template, values, { raw: true })
    const items = runChecks({ report: resolved, template, values, year: report.meta.year, date: report.meta.date, today: '2025-03-01' })
    expect(resolved.sections.length).toBeGreaterThan(5)
    expect(items.filter((i) => i.severity === '必须修改')).toEqual([])
    expect(items.filter((i) => i.severity === '建议检查').length).toBeLessThanOrEqual(2)
  })
})
