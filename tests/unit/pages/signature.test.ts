// Signature and date placement, both GB/T 9704 rules, in body characters.
import { describe, expect, it } from 'vitest'
import { textWidthChars } from '@core/layout'
import { placeSignature, type LinePlacement } from '@core/pages/signature'

/** Left edge of a placed line, in characters from the left of a 28-character type area. */
function leftEdge(text: string, p: LinePlacement): number {
  return p.align === 'left' ? p.leftChars : 28 - p.rightChars - textWidthChars(text)
}
const rightGap = (text: string, p: LinePlacement) => 28 - leftEdge(text, p) - textWidthChars(text)
const centre = (text: string, p: LinePlacement) => leftEdge(text, p) + textWidthChars(text) / 2

describe('no-seal rule', () => {
  it('puts the signature 右空二字 and the date two characters right of its start, one blank line above', () => {
    const b = placeSignature('no-seal', ['青山县青石镇人民政府'], '2025年1月20日', 28)
    expect(b.blankLinesBefore).toBe(1)
    const [sig, date] = b.lines
    expect(rightGap(sig.text, sig.placement)).toBeCloseTo(2, 6)
    expect(leftEdge(date.text, date.placement) - leftEdge(sig.text, sig.placement)).toBeCloseTo(2, 6)
  })

  it('gives a longer date 右空二字 and moves a short signature left to keep the offset', () => {
    const b = placeSignature('no-seal', ['某某局'], '2025年12月31日', 28)
    const [sig, date] = b.lines
    expect(rightGap(date.text, date.placement)).toBeCloseTo(2, 6)
    expect(leftEdge(date.text, date.placement) - leftEdge(sig.text, sig.placement)).toBeCloseTo(2, 6)
  })

  it('aligns joint organs on one right indent', () => {
    const b = placeSignature('no-seal', ['中共青石镇委员会', '青石镇人民政府'], '2025年1月20日', 28)
    expect(b.lines).toHaveLength(3)
    expect(b.lines[0].placement).toEqual(b.lines[1].placement)
  })
})

describe('with-seal rule', () => {
  it('puts the date 右空四字 and centres the signature over it, leaving room for the seal', () => {
    const b = placeSignature('with-seal', ['青山县青石镇人民政府'], '2025年1月20日', 28)
    expect(b.blankLinesBefore).toBeGreaterThan(1)
    const [sig, date] = b.lines
    expect(rightGap(date.text, date.placement)).toBeCloseTo(4, 6)
    expect(centre(sig.text, sig.placement)).toBeCloseTo(centre(date.text, date.placement), 6)
  })

  it('centres each of several organs over the date', () => {
    const b = placeSignature('with-seal', ['中共青石镇委员会', '青石镇人民政府'], '2025年1月20日', 28)
    const date = b.lines[2]
    for (const s of b.lines.slice(0, 2)) expect(centre(s.text, s.placement)).toBeCloseTo(centre(date.text, date.placement), 6)
  })
})

it('places nothing when there is neither signature nor date', () => {
  expect(placeSignature('no-seal', ['  '], '', 28)).toEqual({ blankLinesBefore: 0, lines: [] })
})
