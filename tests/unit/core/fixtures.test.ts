import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { citedMetricIds, findMissingCitedMetrics, formatMetricValue } from '@core/metrics'
import type { InlineJSON, SectionJSON } from '@core/report'
import { resolveReport } from '@core/resolve'
import { countCharacters, countDocCharacters } from '@core/text'
import { generateLargeReport } from '../../fixtures/large-report'
import { loadSampleFigures, SAMPLE_REPORT_PATH } from '../../fixtures/sample-figures'
import { loadSampleReport, parseHeadingLine } from '../../fixtures/sample-report'

const sampleLines = readFileSync(SAMPLE_REPORT_PATH, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)

describe('loadSampleReport', () => {
  const { report, doc, template, values } = loadSampleReport()
  const sections = doc.content.slice(1) as SectionJSON[]

  it('reads the title, organ and year from the first lines', () => {
    expect(report.meta.title).toBe(sampleLines[0] + sampleLines[1])
    expect(report.meta.issuingOrgans).toEqual([sampleLines[0]])
    expect(report.meta.year).toBe(2024)
    expect(report.templateId).toBe(template.id)
    expect(report.sectionOrder).toEqual(['preamble', ...sections.map((s) => s.attrs.id)])
  })

  it('has one section per heading line of the sample, at the right levels', () => {
    const expected = sampleLines.map(parseHeadingLine).filter((h) => h !== null).map((h) => h!.level)
    expect(sections.map((s) => s.attrs.level)).toEqual(expected)
    const level1 = sampleLines.filter((l) => /^[一二三四五六七八九十]+、/.test(l))
    expect(sections.filter((s) => s.attrs.level === 1)).toHaveLength(level1.length)
    expect(level1.length).toBe(4)
    expect(doc.content[0].content.length).toBeGreaterThanOrEqual(1)
  })

  it('maps the headings to template sections where the wording matches', () => {
    const keys = sections.map((s) => s.attrs.templateKey).filter(Boolean)
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of ['leadership', 'measures', 'shortcomings', 'plan', 'measures.enforcement', 'measures.openness', 'measures.disputes']) {
      expect(keys).toContain(key)
    }
    const templateKeys = new Set(template.sections.map((s) => s.key))
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.every((k) => templateKeys.has(k!))).toBe(true)
  })

  it('turns every listed figure into a chip with its value and qualifier', () => {
    const figures = loadSampleFigures()
    const chips: string[] = []
    const walk = (nodes: InlineJSON[] | undefined) => nodes?.forEach((n) => n.type === 'metric' && chips.push(n.attrs.metricId))
    for (const block of doc.content) for (const child of block.content) walk(child.content)
    expect(chips).toHaveLength(figures.length)
    expect(new Set(chips).size).toBe(figures.length)
    const defs = new Map(template.metrics.map((m) => [m.id, m]))
    chips.forEach((id, i) => {
      const value = values.find((v) => v.metricId === id)!
      expect(formatMetricValue(defs.get(id)!, value)).toBe(figures[i].text)
    })
    expect(citedMetricIds(doc)).toEqual(chips)
    expect(findMissingCitedMetrics(doc, template, values)).toEqual([])
  })

  it('resolves back to the sample text, figure for figure', () => {
    const r = resolveReport(report, doc, template, values, { normalize: false })
    const join = (runs: { text: string }[]) => runs.map((x) => x.text).join('')
    const out = [
      ...r.preamble.map((p) => join(p.runs)),
      ...r.sections.flatMap((s) => [s.number + join(s.title), ...s.paragraphs.map((p) => join(p.runs))])
    ]
    // Run-in headings lose the full stop between heading and body; compare without it.
    const squash = (s: string) => s.replace(/[。\s]/g, '')
    expect(squash(out.join(''))).toBe(squash(sampleLines.slice(2).join('')))
    const normalised = resolveReport(report, doc, template, values)
    expect(JSON.stringify(normalised)).not.toContain('[bookmark')
    expect(JSON.stringify(normalised)).toContain('120余次')
  })
})

describe('generateLargeReport', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateLargeReport({ pages: 5, seed: 7 }))).toBe(JSON.stringify(generateLargeReport({ pages: 5, seed: 7 })))
    expect(JSON.stringify(generateLargeReport({ pages: 5, seed: 7 }).doc)).not.toBe(JSON.stringify(generateLargeReport({ pages: 5, seed: 8 }).doc))
  })

  it('has about 600 characters per page, all four levels, bold runs and chips', () => {
    const { report, doc, template, values } = generateLargeReport({ pages: 60 })
    const chars = countDocCharacters(doc, values, template)
    expect(chars).toBeGreaterThanOrEqual(60 * 600)
    expect(chars).toBeLessThan(60 * 600 * 1.1)
    const sections = doc.content.slice(1) as SectionJSON[]
    expect(new Set(sections.map((s) => s.attrs.level))).toEqual(new Set([1, 2, 3, 4]))
    expect(sections.length).toBeGreaterThan(60)
    const inline = doc.content.flatMap((b) => b.content.flatMap((c) => c.content ?? []))
    expect(inline.filter((n) => n.type === 'metric').length).toBeGreaterThan(30)
    expect(inline.filter((n) => n.type === 'text' && n.marks?.some((m) => m.type === 'bold')).length).toBeGreaterThan(20)
    expect(report.sectionOrder).toEqual(['preamble', ...sections.map((s) => s.attrs.id)])
    expect(new Set(report.sectionOrder).size).toBe(report.sectionOrder.length)
    const r = resolveReport(report, doc, template, values)
    expect(r.sections.some((s) => s.paragraphs.some((p) => p.runs.some((x) => x.missing)))).toBe(false)
    expect(countCharacters(r.title)).toBeGreaterThan(10)
  })

  it('scales with the page count', () => {
    const small = generateLargeReport({ pages: 2 })
    const chars = countDocCharacters(small.doc, small.values, small.template)
    expect(chars).toBeGreaterThanOrEqual(1200)
    expect(chars).toBeLessThan(2400)
  })
})
