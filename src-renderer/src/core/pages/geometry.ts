// Page geometry for the page view and the PDF, in CSS units (mm, pt), derived from the same
// layout profile the DOCX builder reads, so Word, the screen and the PDF share one set of numbers.
import { twipsToMm, typeAreaWidthTwips, type LayoutProfile } from '../layout'

export interface PageGeometryCss {
  widthMm: number
  heightMm: number
  marginTopMm: number
  marginRightMm: number
  marginBottomMm: number
  marginLeftMm: number
  typeWidthMm: number
  typeHeightMm: number
  /** One grid line: the exact line height of every text line. */
  linePitchPt: number
  linesPerPage: number
  charsPerLine: number
  bodySizePt: number
  titleSizePt: number
  pageNumberSizePt: number
  /** Advance of one full-width body character: 28 of them fill the type area. */
  charPitchPt: number
  /** CSS letter-spacing that turns a 16 pt glyph into that advance (negative: condensed). */
  letterSpacingPt: number
  /** 二号 title characters that fit a line (titles are not condensed). */
  titleCharsPerLine: number
  pageNumber: {
    placement: 'outer' | 'center'
    /** Distance from the type area's outer edge, pt (one 四号 character in the standard). */
    insetPt: number
    /** Vertical middle of the "— N —" line, mm from the page top (7 mm under the type area). */
    middleFromTopMm: number
    lineHeightPt: number
  }
}

const MM_PER_PT = 25.4 / 72
export const ptToMm = (pt: number): number => pt * MM_PER_PT
export const mmToPt = (mm: number): number => mm / MM_PER_PT

/**
 * Headroom kept off the character pitch so the 28th character never wraps because of float
 * rounding in the layout engine; 0.01 pt a character is invisible (0.1 mm on a full line).
 */
const PITCH_HEADROOM_PT = 0.01
/** The standard puts the page-number line 7 mm under the type area. */
const PAGE_NUMBER_GAP_MM = 7

const round = (n: number, digits = 4) => Number(n.toFixed(digits))

export function pageGeometry(profile: LayoutProfile): PageGeometryCss {
  const { page } = profile
  const widthMm = twipsToMm(page.widthTwips)
  const heightMm = twipsToMm(page.heightTwips)
  const marginTopMm = twipsToMm(page.marginTopTwips)
  const marginBottomMm = twipsToMm(page.marginBottomTwips)
  const typeWidthPt = typeAreaWidthTwips(profile) / 20
  const bodySizePt = profile.sizes.body / 2
  const charPitchPt = typeWidthPt / profile.charsPerLine - PITCH_HEADROOM_PT
  const typeHeightMm = heightMm - marginTopMm - marginBottomMm
  return {
    widthMm: round(widthMm),
    heightMm: round(heightMm),
    marginTopMm: round(marginTopMm),
    marginRightMm: round(twipsToMm(page.marginRightTwips)),
    marginBottomMm: round(marginBottomMm),
    marginLeftMm: round(twipsToMm(page.marginLeftTwips)),
    typeWidthMm: round(twipsToMm(typeAreaWidthTwips(profile))),
    typeHeightMm: round(typeHeightMm),
    linePitchPt: profile.lineSpacingTwips / 20,
    linesPerPage: profile.linesPerPage,
    charsPerLine: profile.charsPerLine,
    bodySizePt,
    titleSizePt: profile.sizes.title / 2,
    pageNumberSizePt: profile.sizes.pageNumber / 2,
    charPitchPt: round(charPitchPt),
    letterSpacingPt: round(charPitchPt - bodySizePt),
    titleCharsPerLine: Math.floor(typeWidthPt / (profile.sizes.title / 2)),
    pageNumber: {
      placement: profile.pageNumber.placement,
      insetPt: profile.pageNumber.indentChars * (profile.sizes.pageNumber / 2),
      middleFromTopMm: round(marginTopMm + typeHeightMm + PAGE_NUMBER_GAP_MM),
      lineHeightPt: profile.pageNumber.lineTwips / 20
    }
  }
}

/** "— 3 —": em dashes around the number, as the standard writes it. */
export function pageNumberText(n: number): string {
  return `\u2014 ${n} \u2014`
}

/** Which side the number sits on: odd pages right, even pages left, or centred. */
export function pageNumberSide(profile: LayoutProfile, n: number): 'left' | 'right' | 'center' {
  if (profile.pageNumber.placement === 'center') return 'center'
  return n % 2 === 1 ? 'right' : 'left'
}

/** Lines a block of measured height takes on the grid (the renderer's height is exact to a pixel). */
export function linesForHeight(heightPt: number, pitchPt: number): number {
  return Math.max(0, Math.round(heightPt / pitchPt))
}
