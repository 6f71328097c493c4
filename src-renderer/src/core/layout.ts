// Layout profiles as data: every number an exporter needs to lay a report out, so the DOCX
// builder (and later the page view and PDF) read one source. GB/T 9704-2012 is the default;
// local practice is a separate named profile that lists how it departs from the standard.

// ---- units --------------------------------------------------------------------------------

/** 1 inch = 25.4 mm = 1440 twips. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4)
}

/** 1 pt = 20 twips. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20)
}

export function twipsToMm(twips: number): number {
  return (twips * 25.4) / 1440
}

/** OOXML font sizes are in half-points. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2)
}

/** Chinese font size names used by the standard (字号). */
export const FONT_SIZE_PT = {
  二号: 22,
  三号: 16,
  四号: 14
} as const

// ---- profile shape ------------------------------------------------------------------------

/** Font face per text role. Names, not files: the app never embeds a licensed font. */
export interface FontMapping {
  title: string
  body: string
  heading1: string
  heading2: string
  heading3: string
  heading4: string
  pageNumber: string
}

/** Sizes in half-points, as OOXML writes them. */
export interface FontSizes {
  title: number
  body: number
  heading: number
  pageNumber: number
}

export interface PageGeometry {
  widthTwips: number
  heightTwips: number
  marginTopTwips: number
  marginBottomTwips: number
  marginLeftTwips: number
  marginRightTwips: number
  /** Distance from the bottom page edge to the bottom of the footer (w:footer). */
  footerTwips: number
  /** Distance from the top page edge to the header (w:header); no header is written. */
  headerTwips: number
}

export interface DocumentGrid {
  type: 'linesAndChars' | 'lines'
  /** w:linePitch in twips. */
  linePitch: number
  /** w:charSpace: (character pitch − body font size) in 1/4096 pt. */
  charSpace: number
}

export type PageNumberPlacement = 'outer' | 'center'

export interface LayoutProfile {
  id: string
  name: string
  page: PageGeometry
  linesPerPage: number
  charsPerLine: number
  /** Exact line spacing of body, headings, title, signature: one grid line. */
  lineSpacingTwips: number
  grid: DocumentGrid
  /**
   * w:spacing on body and heading runs, twips (negative condenses). 28 三号 characters need a
   * 15.79 pt pitch; Word gets it from the grid, but LibreOffice puts any character wider than
   * a grid cell on two cells, so generated paragraphs opt out of grid snapping and condense
   * their runs instead: same 28 characters in every renderer.
   */
  characterSpacingTwips: number
  sizes: FontSizes
  fonts: FontMapping
  /** Standard: no bold anywhere. */
  titleBold: boolean
  pageNumber: {
    placement: PageNumberPlacement
    /** How far in from the outer edge of the type area, in characters of the page-number font. */
    indentChars: number
    /** Exact line height of the page-number line, twips (used to place it vertically). */
    lineTwips: number
  }
  /** How the profile departs from GB/T 9704, as labels shown to the user. Empty for the standard. */
  departures: string[]
}

// ---- derived numbers ----------------------------------------------------------------------

export function typeAreaWidthTwips(profile: LayoutProfile): number {
  const { widthTwips, marginLeftTwips, marginRightTwips } = profile.page
  return widthTwips - marginLeftTwips - marginRightTwips
}

export function typeAreaHeightTwips(profile: LayoutProfile): number {
  const { heightTwips, marginTopTwips, marginBottomTwips } = profile.page
  return heightTwips - marginTopTwips - marginBottomTwips
}

/** Advance of one full-width body character in twips: font size plus run character spacing. */
export function charPitchTwips(profile: LayoutProfile): number {
  return profile.sizes.body * 10 + profile.characterSpacingTwips
}

/** Twips for n body characters, for indents written in characters (首行缩进二字, 右空二字). */
export function charsToTwips(profile: LayoutProfile, chars: number): number {
  return Math.round(chars * charPitchTwips(profile))
}

/** w:charSpace for a grid that fits `charsPerLine` body characters in the type area. */
function gridCharSpace(areaWidthTwips: number, charsPerLine: number, bodyHalfPoints: number): number {
  const pitchPt = areaWidthTwips / charsPerLine / 20
  return Math.round((pitchPt - bodyHalfPoints / 2) * 4096)
}

/**
 * Run spacing that fits `charsPerLine` characters in the type area, with one twip of headroom:
 * renderers round glyph advances to device units, and LibreOffice wraps the 28th character of
 * a 315-twip pitch (8820 of 8844 twips) onto the next line.
 */
function condensing(areaWidthTwips: number, charsPerLine: number, bodyHalfPoints: number): number {
  return Math.min(0, Math.floor(areaWidthTwips / charsPerLine) - 1 - bodyHalfPoints * 10)
}

/**
 * The page-number line's vertical middle (where the em dashes sit) must be `gapMm` below the
 * type area. Word measures w:footer from the page edge to the bottom of the footer, so
 * subtract half the number's line height.
 */
function footerDistance(marginBottomTwips: number, gapMm: number, lineTwips: number): number {
  return marginBottomTwips - mmToTwips(gapMm) - Math.round(lineTwips / 2)
}

/**
 * Display width in body characters: CJK and full-width forms take a cell, ASCII and other
 * half-width characters half a cell. Word (autoSpaceDN/DE) and LibreOffice add about a quarter
 * of a character between Chinese and Latin letters or digits, so "2025年1月15日" is nearer
 * 7.75 than 6.5 characters; used to place the date under the signature.
 */
export function textWidthChars(text: string): number {
  let width = 0
  let prev: 'full' | 'alnum' | 'other' | null = null
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    const half = isHalfWidth(cp)
    width += half ? 0.5 : 1
    const kind = !half ? 'full' : /[0-9A-Za-z]/.test(ch) ? 'alnum' : 'other'
    if ((prev === 'full' && kind === 'alnum') || (prev === 'alnum' && kind === 'full')) width += 0.25
    prev = kind
  }
  return width
}

function isHalfWidth(cp: number): boolean {
  if (cp < 0x1100) return true
  // Halfwidth Katakana/Hangul and halfwidth symbols in the Halfwidth and Fullwidth Forms block.
  if (cp >= 0xff61 && cp <= 0xffdc) return true
  if (cp >= 0xffe8 && cp <= 0xffee) return true
  return false
}

// ---- the profiles -------------------------------------------------------------------------

const A4_WIDTH = 11906
const A4_HEIGHT = 16838
const MARGIN_TOP = 2098 // 37 mm
const MARGIN_LEFT = 1588 // 28 mm
const MARGIN_RIGHT = 1474 // 210 − 28 − 156 mm
const MARGIN_BOTTOM = 1984 // 297 − 37 − 225 mm
const CHARS_PER_LINE = 28
const LINES_PER_PAGE = 22
/** 225 mm / 22 lines = 579.8 twips; 580 would overflow, so 579 (28.95 pt). */
const GBT_LINE_PITCH = 579
const BODY_SIZE = ptToHalfPoints(FONT_SIZE_PT.三号)
const PAGE_NUMBER_SIZE = ptToHalfPoints(FONT_SIZE_PT.四号)
/** 14 pt type in an exact 18 pt line: room for ascenders, so Word does not clip the digits. */
const PAGE_NUMBER_LINE = ptToTwips(18)
const PAGE_NUMBER_GAP_MM = 7

const GBT_GRID: DocumentGrid = {
  type: 'linesAndChars',
  linePitch: GBT_LINE_PITCH,
  charSpace: gridCharSpace(A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT, CHARS_PER_LINE, BODY_SIZE)
}

const GBT_PAGE: PageGeometry = {
  widthTwips: A4_WIDTH,
  heightTwips: A4_HEIGHT,
  marginTopTwips: MARGIN_TOP,
  marginBottomTwips: MARGIN_BOTTOM,
  marginLeftTwips: MARGIN_LEFT,
  marginRightTwips: MARGIN_RIGHT,
  footerTwips: footerDistance(MARGIN_BOTTOM, PAGE_NUMBER_GAP_MM, PAGE_NUMBER_LINE),
  headerTwips: mmToTwips(15)
}

const SIZES: FontSizes = {
  title: ptToHalfPoints(FONT_SIZE_PT.二号),
  body: BODY_SIZE,
  heading: BODY_SIZE,
  pageNumber: PAGE_NUMBER_SIZE
}

export const GBT9704_PROFILE: LayoutProfile = {
  id: 'gbt9704',
  name: 'GB/T 9704 标准',
  page: GBT_PAGE,
  linesPerPage: LINES_PER_PAGE,
  charsPerLine: CHARS_PER_LINE,
  lineSpacingTwips: GBT_LINE_PITCH,
  grid: GBT_GRID,
  characterSpacingTwips: condensing(A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT, CHARS_PER_LINE, BODY_SIZE),
  sizes: SIZES,
  fonts: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    heading3: '仿宋_GB2312',
    heading4: '仿宋_GB2312',
    pageNumber: '宋体'
  },
  titleBold: false,
  pageNumber: { placement: 'outer', indentChars: 1, lineTwips: PAGE_NUMBER_LINE },
  departures: []
}

/** 28 pt fixed spacing: 22 lines fit but leave ~7.7 mm of the type area empty. */
const PRACTICE_LINE = ptToTwips(28)

export const PRACTICE_PROFILE: LayoutProfile = {
  id: 'practice',
  name: '常用排版',
  page: GBT_PAGE,
  linesPerPage: LINES_PER_PAGE,
  charsPerLine: CHARS_PER_LINE,
  lineSpacingTwips: PRACTICE_LINE,
  grid: { ...GBT_GRID, linePitch: PRACTICE_LINE },
  characterSpacingTwips: condensing(A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT, CHARS_PER_LINE, BODY_SIZE),
  sizes: SIZES,
  fonts: {
    title: '宋体',
    body: '仿宋',
    heading1: '黑体',
    heading2: '楷体',
    heading3: '仿宋',
    heading4: '仿宋',
    pageNumber: '宋体'
  },
  titleBold: true,
  pageNumber: { placement: 'center', indentChars: 0, lineTwips: PAGE_NUMBER_LINE },
  departures: [
    '行距为固定值28磅（标准为每页22行，行距约28.95磅）',
    '页码居中（标准为单页居右、双页居左，各空一字）',
    '正文用Windows自带的“仿宋”，二级标题用“楷体”（标准为仿宋_GB2312、楷体_GB2312）',
    '标题用“宋体”加粗代替方正小标宋简体'
  ]
}

export const LAYOUT_PROFILES: readonly LayoutProfile[] = [GBT9704_PROFILE, PRACTICE_PROFILE]
