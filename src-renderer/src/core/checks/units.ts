// The report as lines of text for the checks: title, addressee, signatures, then every
// heading and body paragraph with the place a clerk would look for it.
import type { ResolvedReport, ResolvedRun } from '../resolved'
import { PREAMBLE_ID } from '../report'
import type { CheckFamily, CheckFix, CheckItem, CheckLocation, Severity, TextUnit } from './types'

function joinRuns(runs: readonly ResolvedRun[]): Pick<TextUnit, 'text' | 'chips'> {
  let text = ''
  const chips: TextUnit['chips'] = []
  for (const r of runs) {
    if (r.fromMetric) chips.push({ start: text.length, end: text.length + r.text.length, missing: Boolean(r.missing) })
    text += r.text
  }
  return { text, chips }
}

/** A short name for a section: its number and the start of its heading. */
export function sectionPlace(number: string, title: string): string {
  const t = title.length > 14 ? `${title.slice(0, 14)}…` : title
  return `${number}${t}` || '（无标题章节）'
}

export function textUnits(report: ResolvedReport): TextUnit[] {
  const units: TextUnit[] = []
  const field = (kind: TextUnit['kind'], f: 'title' | 'addressee' | 'signature', text: string, place: string) =>
    units.push({ kind, text, chips: [], place, at: (start, end) => ({ kind: 'field', field: f, start, end }) })
  field('title', 'title', report.title, '标题')
  if (report.addressee) field('addressee', 'addressee', report.addressee, '主送机关')
  report.signatures.forEach((s) => field('signature', 'signature', s, '落款'))

  const bodyUnits = (sectionId: string, level: number, place: string, paragraphs: ReadonlyArray<{ runs: ResolvedRun[] }>) => {
    paragraphs.forEach((p, i) => {
      const joined = joinRuns(p.runs)
      units.push({
        kind: 'body',
        ...joined,
        place: `${place} 第${i + 1}段`,
        sectionId,
        level,
        at: (start, end) => ({ kind: 'text', sectionId, part: 'body', paragraph: i, start, end })
      })
    })
  }
  bodyUnits(PREAMBLE_ID, 0, '导语', report.preamble)
  for (const s of report.sections) {
    const joined = joinRuns(s.title)
    const place = sectionPlace(s.number, joined.text)
    units.push({
      kind: 'heading',
      ...joined,
      place: `${place}（标题）`,
      sectionId: s.id,
      level: s.level,
      at: (start, end) => ({ kind: 'text', sectionId: s.id, part: 'title', paragraph: 0, start, end })
    })
    bodyUnits(s.id, s.level, place, s.paragraphs)
  }
  return units
}

export function item(
  rule: { id: string; family: CheckFamily },
  severity: Severity,
  place: string,
  location: CheckLocation,
  message: string,
  fix?: CheckFix
): CheckItem {
  const id = `${rule.id}@${JSON.stringify(location)}`
  return { id, rule: rule.id, family: rule.family, severity, message, place, location, ...(fix ? { fix } : {}) }
}

/** An item about a span of a unit, with an optional replacement fix when the span is body/heading text. */
export function unitItem(
  rule: { id: string; family: CheckFamily },
  severity: Severity,
  unit: TextUnit,
  start: number,
  end: number,
  message: string,
  replace?: { to: string; label: string }
): CheckItem {
  const location = unit.at(start, end)
  const fix: CheckFix | undefined =
    replace && location.kind === 'text' ? { kind: 'replace', location, from: unit.text.slice(start, end), to: replace.to, label: replace.label } : undefined
  return item(rule, severity, unit.place, location, message, fix)
}

/** True when [start, end) overlaps a metric chip's text (figures and marks there are not typed). */
export function inChip(unit: TextUnit, start: number, end = start + 1): boolean {
  return unit.chips.some((c) => start < c.end && end > c.start)
}

/** Sentences of a text with their offsets: split after 。！？； (and their half-width forms). */
export function sentences(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (/[。！？；!?;]/.test(text[i]) && !/\d/.test(text[i + 1] ?? '')) {
      out.push({ text: text.slice(start, i + 1), start })
      start = i + 1
    }
  }
  if (start < text.length) out.push({ text: text.slice(start), start })
  return out
}

/** A short quote around a spot for messages. */
export function quote(text: string, start: number, end: number, around = 6): string {
  const a = Math.max(0, start - around)
  const b = Math.min(text.length, end + around)
  return `${a > 0 ? '…' : ''}${text.slice(a, b)}${b < text.length ? '…' : ''}`
}
