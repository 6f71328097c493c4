// Display formatting for the report list (local time, as the clerk reads a clock).

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** 1764037860000 → '2025-11-25 10:31' in the machine's local time zone. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * Reads a date as a clerk types it: '2025年1月15日', '2025-01-15', '2025/1/15' or '2025.1.15'
 * (full-width digits too). Returns the ISO date, or null if it is not a real calendar date.
 */
export function parseDateInput(raw: string): string | null {
  const ascii = raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  const m = /^(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?$/.exec(ascii)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return `${m[1]}-${pad(mo)}-${pad(d)}`
}
