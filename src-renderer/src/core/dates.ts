// 成文日期: stored as ISO 'YYYY-MM-DD', written in Chinese with Arabic numerals and no zero padding.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(iso: string): [number, number, number] | null {
  const m = ISO_DATE.exec(iso)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return null
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return d <= daysInMonth ? [y, mo, d] : null
}

/** A real calendar date written as 'YYYY-MM-DD' (2025-02-29 is not). */
export function isValidIsoDate(s: string): boolean {
  return typeof s === 'string' && parts(s) !== null
}

/** '2025-01-15' → '2025年1月15日' (GB/T 9704: Arabic numerals, no leading zeros). */
export function formatChineseDate(iso: string): string {
  const p = parts(iso)
  if (!p) throw new RangeError(`not an ISO date: ${iso}`)
  return `${p[0]}年${p[1]}月${p[2]}日`
}

/** A report on `year` is written early the next year, before the 1 March deadline. */
export function defaultReportDate(year: number): string {
  return `${String(year + 1).padStart(4, '0')}-01-15`
}
