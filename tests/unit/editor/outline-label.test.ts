import { describe, expect, it } from 'vitest'
import { cells, middleEllipsis, outlineLabels } from '../../../src-renderer/src/components/editor/outline-label'

describe('outline labels', () => {
  it('keep a short title whole and shorten a long one in the middle, within the room', () => {
    expect(middleEllipsis('总体情况', 10)).toBe('总体情况')
    const shown = middleEllipsis('2024年度推进法治政府建设的主要举措和成效', 12)
    expect(shown).toMatch(/^2024年度.+….+成效$/)
    expect(cells(shown)).toBeLessThanOrEqual(12)
  })

  it('make titles that start alike read differently', () => {
    const titles = ['2024年度推进法治政府建设的主要举措和成效', '2024年度推进法治政府建设存在的不足和原因', '2024年度推进法治政府建设的下一年度工作安排']
    const labels = outlineLabels(titles.map((title) => ({ title, room: 11 })))
    expect(new Set(labels).size).toBe(3)
    labels.forEach((l) => expect(cells(l)).toBeLessThanOrEqual(11))
  })

  it('lengthen the kept end when the default ends collide', () => {
    const titles = ['关于推进依法行政工作的补充情况（一）', '关于加强执法监督工作的补充情况（一）']
    const labels = outlineLabels(titles.map((title) => ({ title, room: 10 })))
    expect(labels[0]).not.toBe(labels[1])
  })
})

describe('outline labels for titles that end alike', () => {
  it('show where they part at the start', () => {
    const titles = ['便民服务重点领域专项整治', '依法行政重点领域专项整治']
    const labels = outlineLabels(titles.map((title) => ({ title, room: 7 })))
    expect(labels[0]).not.toBe(labels[1])
    labels.forEach((l) => expect(cells(l)).toBeLessThanOrEqual(7))
  })
})
