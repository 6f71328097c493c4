// Display formatting for the report list (local time, as the clerk reads a clock).

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** 1764037860000 → '2025-11-25 10:31' in the machine's local time zone. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
