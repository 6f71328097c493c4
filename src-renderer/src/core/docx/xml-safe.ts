// The one place where strings become XML-legal before the DOCX writer sees them. Everything the
// builder writes — text, comment text, authors and initials, file properties (core.xml), table
// cells, attachment titles — comes from the report and options passed through here, so a name
// holding U+FFFE, a lone surrogate or a control character can no longer break a Word file.
import type { ResolvedReport } from '../resolved'
import type { BuildOptions } from './build'

/**
 * What XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates) plus what
 * it merely discourages and Word chokes on or shows as boxes: DEL and the C1 controls, the
 * noncharacters U+FDD0–U+FDEF and U+nFFFE/U+nFFFF of every plane.
 */
const XML_UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A string as the DOCX may contain it. */
export function xmlSafeText(s: string): string {
  return s.replace(XML_UNSAFE, '')
}

/** A copy of any plain data (objects, arrays) with every string made XML-safe; numbers that
 * are not finite (a corrupt timestamp would make `new Date(…).toISOString()` throw) become 0. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as T
  if (typeof value === 'number') return (Number.isFinite(value) ? value : 0) as T
  if (Array.isArray(value)) return value.map((v) => xmlSafeDeep(v)) as T
  if (value && typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = xmlSafeDeep(v)
    return out as T
  }
  return value
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** The builder's inputs, made safe in one pass. */
export function xmlSafeInputs(report: ResolvedReport, options: BuildOptions): { report: ResolvedReport; options: BuildOptions } {
  return { report: xmlSafeDeep(report), options: xmlSafeDeep(options) }
}
