// Small statistics and formatting helpers. Figures are printed, never asserted.

export interface Summary {
  n: number
  median: number
  min: number
  max: number
  p95: number
}

/** Nearest-rank percentile on a sorted copy (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function summarize(values: number[]): Summary {
  return {
    n: values.length,
    median: round(median(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    p95: round(percentile(values, 95))
  }
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—'
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`
}

export function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MiB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${n} B`
}

export function ratio(ours: number, baseline: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return '—'
  const r = ours / baseline
  // Small ratios keep two significant digits (0.0047×), not a flat 0.00×.
  return `${r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`
}

/** Monotonic wall-clock milliseconds. */
export function now(): number {
  return performance.now()
}

/** Display width counting CJK / full-width characters as two columns, so tables line up. */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) ? 2 : 1
  }
  return w
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)))
}

/** A plain-text table: header row, rule, rows. A two-cell row's second cell spans the rest. */
export function table(header: string[], rows: string[][]): string {
  const full = rows.filter((r) => r.length === header.length)
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...full.map((r) => displayWidth(r[i] ?? ''))))
  const line = (cells: string[]) =>
    cells.length === header.length
      ? cells.map((c, i) => pad(c ?? '', widths[i])).join('  ').trimEnd()
      : `${pad(cells[0] ?? '', widths[0])}  ${cells.slice(1).join('  ')}`
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
