// Page geometry per profile: the CSS numbers the page view and the PDF use, checked against
// the standard's own figures (A4, 37/26/35/28 mm, 156 × 225 mm type area, 22 × 28).
import { describe, expect, it } from 'vitest'
import { GBT9704_PROFILE, PRACTICE_PROFILE } from '@core/layout'
import { linesForHeight, mmToPt, pageGeometry, pageNumberSide, pageNumberText, ptToMm } from '@core/pages/geometry'

describe('pageGeometry', () => {
  const g = pageGeometry(GBT9704_PROFILE)

  it('is A4 with the standard margins and type area', () => {
    expect(g.widthMm).toBeCloseTo(210, 1)
    expect(g.heightMm).toBeCloseTo(297, 1)
    expect(g.marginTopMm).toBeCloseTo(37, 0)
    expect(g.marginLeftMm).toBeCloseTo(28, 0)
    expect(g.marginRightMm).toBeCloseTo(26, 0)
    expect(g.marginBottomMm).toBeCloseTo(35, 0)
    expect(g.typeWidthMm).toBeCloseTo(156, 1)
    expect(g.typeHeightMm).toBeCloseTo(225, 1)
  })

  it('fits 22 lines of 28.95 pt in the type area, and not 23', () => {
    expect(g.linePitchPt).toBe(28.95)
    expect(g.linesPerPage * g.linePitchPt).toBeLessThanOrEqual(mmToPt(g.typeHeightMm))
    expect((g.linesPerPage + 1) * g.linePitchPt).toBeGreaterThan(mmToPt(g.typeHeightMm))
  })

  it('condenses 16 pt characters so exactly 28 fill the 156 mm line', () => {
    expect(g.bodySizePt).toBe(16)
    expect(g.letterSpacingPt).toBeLessThan(0)
    expect(g.charPitchPt).toBeCloseTo(g.bodySizePt + g.letterSpacingPt, 6)
    const line = 28 * g.charPitchPt
    expect(line).toBeLessThanOrEqual(mmToPt(g.typeWidthMm))
    // Within half a millimetre of the full width, and a 29th character does not fit.
    expect(ptToMm(mmToPt(g.typeWidthMm) - line)).toBeLessThan(0.5)
    expect(29 * g.charPitchPt).toBeGreaterThan(mmToPt(g.typeWidthMm))
  })

  it('fits 20 二号 title characters on a line', () => {
    expect(g.titleSizePt).toBe(22)
    expect(g.titleCharsPerLine).toBe(20)
  })

  it('puts the page number 7 mm under the type area, one 四号 character in from the outer edge', () => {
    expect(g.pageNumber.middleFromTopMm).toBeCloseTo(37 + 225 + 7, 0)
    expect(g.pageNumber.insetPt).toBe(14)
    expect(g.pageNumber.placement).toBe('outer')
  })

  it('uses 28 pt spacing and centred numbers in the practice profile', () => {
    const p = pageGeometry(PRACTICE_PROFILE)
    expect(p.linePitchPt).toBe(28)
    expect(p.pageNumber.placement).toBe('center')
    expect(p.pageNumber.insetPt).toBe(0)
    expect(p.typeWidthMm).toBeCloseTo(g.typeWidthMm, 6)
  })
})

describe('page numbers', () => {
  it('writes "— N —" with em dashes', () => {
    expect(pageNumberText(7)).toBe('\u2014 7 \u2014')
  })

  it('puts odd pages right and even pages left in the standard, all centred in practice', () => {
    expect([1, 2, 3, 4].map((n) => pageNumberSide(GBT9704_PROFILE, n))).toEqual(['right', 'left', 'right', 'left'])
    expect([1, 2].map((n) => pageNumberSide(PRACTICE_PROFILE, n))).toEqual(['center', 'center'])
  })
})

describe('linesForHeight', () => {
  it('rounds a measured height to whole grid lines', () => {
    expect(linesForHeight(3 * 28.95, 28.95)).toBe(3)
    expect(linesForHeight(3 * 28.95 + 0.4, 28.95)).toBe(3)
    expect(linesForHeight(3 * 28.95 - 0.4, 28.95)).toBe(3)
    expect(linesForHeight(0, 28.95)).toBe(0)
  })
})
