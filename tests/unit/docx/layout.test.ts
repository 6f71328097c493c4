// The layout profiles against the figures of GB/T 9704-2012.
import { describe, expect, it } from 'vitest'
import {
  GBT9704_PROFILE,
  PRACTICE_PROFILE,
  charPitchTwips,
  mmToTwips,
  ptToTwips,
  textWidthChars,
  twipsToMm,
  typeAreaHeightTwips,
  typeAreaWidthTwips
} from '@core/layout'

describe('units', () => {
  it('converts millimetres and points to twips', () => {
    // 1 inch = 25.4 mm = 72 pt = 1440 twips
    expect(mmToTwips(25.4)).toBe(1440)
    expect(ptToTwips(72)).toBe(1440)
    expect(ptToTwips(28.95)).toBe(579)
    expect(mmToTwips(210)).toBe(11906)
    expect(mmToTwips(297)).toBe(16838)
    expect(twipsToMm(1440)).toBeCloseTo(25.4, 6)
  })
})

describe('GB/T 9704 profile', () => {
  const p = GBT9704_PROFILE

  it('is identified as the standard and lists no departures', () => {
    expect(p.id).toBe('gbt9704')
    expect(p.name).toBe('GB/T 9704 标准')
    expect(p.departures).toEqual([])
  })

  it('puts an A4 page with the standard white edges around a 156 × 225 mm type area', () => {
    expect(twipsToMm(p.page.widthTwips)).toBeCloseTo(210, 0)
    expect(twipsToMm(p.page.heightTwips)).toBeCloseTo(297, 0)
    expect(Math.abs(twipsToMm(p.page.marginTopTwips) - 37)).toBeLessThanOrEqual(1)
    expect(Math.abs(twipsToMm(p.page.marginLeftTwips) - 28)).toBeLessThanOrEqual(1)
    expect(twipsToMm(typeAreaWidthTwips(p))).toBeCloseTo(156, 0)
    expect(twipsToMm(typeAreaHeightTwips(p))).toBeCloseTo(225, 0)
  })

  it('fits exactly 22 lines of its line pitch in the type area, and 580 twips would not', () => {
    expect(p.linesPerPage).toBe(22)
    expect(p.lineSpacingTwips * 22).toBeLessThanOrEqual(typeAreaHeightTwips(p))
    expect(p.lineSpacingTwips * 23).toBeGreaterThan(typeAreaHeightTwips(p))
    expect((p.lineSpacingTwips + 1) * 22).toBeGreaterThan(typeAreaHeightTwips(p))
    expect(p.grid).toMatchObject({ type: 'linesAndChars', linePitch: p.lineSpacingTwips })
  })

  it('condenses 三号 so that 28 characters, and not 29, fill a line', () => {
    expect(p.charsPerLine).toBe(28)
    // Word's own grid for 28 三号 characters in 156 mm, per the reference.
    expect(p.grid.charSpace).toBe(-848)
    const pitch = charPitchTwips(p)
    expect(pitch * 28).toBeLessThanOrEqual(typeAreaWidthTwips(p))
    expect(pitch * 29).toBeGreaterThan(typeAreaWidthTwips(p))
  })

  it('uses the standard sizes and faces per role', () => {
    expect(p.sizes).toEqual({ title: 44, body: 32, heading: 32, pageNumber: 28 })
    expect(p.fonts).toEqual({
      title: '方正小标宋简体',
      body: '仿宋_GB2312',
      heading1: '黑体',
      heading2: '楷体_GB2312',
      heading3: '仿宋_GB2312',
      heading4: '仿宋_GB2312',
      pageNumber: '宋体'
    })
    expect(p.titleBold).toBe(false)
  })

  it('puts page numbers on the outer side, one character in, with the dash line 7 mm below the type area', () => {
    expect(p.pageNumber.placement).toBe('outer')
    expect(p.pageNumber.indentChars).toBe(1)
    // Word measures w:footer to the bottom of the footer line; the dashes sit mid-line.
    const dashFromBottom = p.page.footerTwips + p.pageNumber.lineTwips / 2
    expect(twipsToMm(p.page.marginBottomTwips - dashFromBottom)).toBeCloseTo(7, 0)
  })
})

describe('practice profile', () => {
  const p = PRACTICE_PROFILE

  it('uses 28 pt fixed spacing, centred page numbers and fonts Windows ships', () => {
    expect(p.id).not.toBe(GBT9704_PROFILE.id)
    expect(p.name).toBe('常用排版')
    expect(p.lineSpacingTwips).toBe(560)
    expect(p.pageNumber.placement).toBe('center')
    for (const face of Object.values(p.fonts)) expect(['仿宋', '楷体', '黑体', '宋体']).toContain(face)
  })

  it('lists each departure from the standard in Chinese', () => {
    expect(p.departures.length).toBeGreaterThanOrEqual(3)
    for (const d of p.departures) expect(d).toMatch(/[\u4e00-\u9fff]/)
    expect(p.departures.join('')).toMatch(/28磅/)
    expect(p.departures.join('')).toMatch(/居中/)
    expect(p.departures.join('')).toMatch(/仿宋/)
  })

  it('keeps the standard page geometry', () => {
    expect(p.page).toEqual(GBT9704_PROFILE.page)
  })
})

describe('textWidthChars', () => {
  it('counts Chinese as one cell and ASCII as half a cell', () => {
    expect(textWidthChars('梁洼镇人民政府')).toBe(7)
    expect(textWidthChars('ab')).toBe(1)
    expect(textWidthChars('（一）')).toBe(3)
  })

  it('adds the space renderers put between Chinese and digits', () => {
    // 7 digits (3.5) + 年月日 (3) + 5 Chinese/digit boundaries
    expect(textWidthChars('2025年1月15日')).toBeCloseTo(3.5 + 3 + 5 * 0.25, 6)
  })
})
