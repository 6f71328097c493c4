// Where the signature (发文机关署名) and date (成文日期) go, in body characters, for both rules
// of GB/T 9704 §7.3.5. Shared by the page view, the PDF and the DOCX builder.
import { textWidthChars } from '../layout'

export type SignatureRule = 'no-seal' | 'with-seal'

export const SIGNATURE_RULE_LABELS: Record<SignatureRule, string> = {
  'no-seal': '不加盖印章（署名右空二字）',
  'with-seal': '加盖印章（日期右空四字，署名居中）'
}

/** One placed line: from the left edge of the type area, or right-aligned with a right indent. */
export type LinePlacement = { align: 'left'; leftChars: number } | { align: 'right'; rightChars: number }

export interface PlacedLine {
  text: string
  placement: LinePlacement
}

export interface SignatureBlock {
  /** Blank lines between the body (or attachment note) and the signature. */
  blankLinesBefore: number
  lines: PlacedLine[]
}

/**
 * Without a seal: signature 右空二字, the date on the next line starting two characters right
 * of the signature's first character. If the date is the longer line, it gets 右空二字 and the
 * signature moves left to keep the two-character offset. Several organs share one right indent
 * (the longest is the reference). The date is placed from the left when possible: its width
 * depends on half-width digits, so a right indent would miss the offset by part of a character.
 *
 * With a seal: the date 右空四字 and each signature centred over the date. The seal is pressed
 * over both, its top within a line of the body, so two blank lines are left for it.
 */
export function placeSignature(
  rule: SignatureRule,
  signatures: string[],
  dateText: string,
  charsPerLine: number,
  /** Width of a line in body characters: estimated for Word; the page view passes what Chromium draws. */
  widthOf: (text: string) => number = textWidthChars
): SignatureBlock {
  const organs = signatures.map((s) => s.trim()).filter((s) => s !== '')
  const date = dateText.trim()
  if (organs.length === 0 && date === '') return { blankLinesBefore: 0, lines: [] }
  const d = widthOf(date)
  if (rule === 'with-seal') {
    const dateCentreFromRight = 4 + d / 2
    const lines: PlacedLine[] = organs.map((s) => ({
      text: s,
      placement: { align: 'right', rightChars: Math.max(0, dateCentreFromRight - widthOf(s) / 2) }
    }))
    if (date !== '') lines.push({ text: date, placement: { align: 'right', rightChars: 4 } })
    return { blankLinesBefore: 2, lines }
  }
  const s = Math.max(0, ...organs.map(widthOf))
  const signatureRight = d > s ? d - s + 4 : 2
  const lines: PlacedLine[] = organs.map((o) => ({ text: o, placement: { align: 'right', rightChars: signatureRight } }))
  if (date !== '') {
    lines.push({
      text: date,
      placement: d > s ? { align: 'right', rightChars: 2 } : { align: 'left', leftChars: charsPerLine - 2 - s + 2 }
    })
  }
  return { blankLinesBefore: 1, lines }
}
