// Making templates from other things: a copy of a built-in (built-ins are read-only), a new
// version of a user template, a template from a finished report (“存为模板”), and the ids an
// imported template gets so it never overwrites something that exists.
import type { InlineJSON, Report, ReportDocJSON, SectionJSON } from '../report'
import type { ReportTemplate, TemplateSection } from '../template'

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** An empty template to start from scratch: one required section so it is usable at once. */
export function blankTemplate(id: string): ReportTemplate {
  return {
    id,
    version: 1,
    name: '新模板',
    description: '',
    builtIn: false,
    titlePattern: '{organs}关于{year}年××工作情况的报告',
    defaultAddressee: '',
    preambleGuidance: '',
    sections: [{ key: 's1', level: 1, title: '{year}年工作情况', guidance: '', required: true }],
    metrics: []
  }
}

/** An editable copy: new id, version 1, not built-in, remembering where it came from. */
export function copyTemplate(source: ReportTemplate, newId: string, name = `${source.name}（副本）`): ReportTemplate {
  const copy = clone(source)
  return { ...copy, id: newId, version: 1, builtIn: false, name, derivedFrom: { id: source.id, version: source.version } }
}

/**
 * The next version of an edited user template. Old versions are kept as they were: a report
 * records the version it was made from and keeps using it.
 */
export function nextTemplateVersion(edited: ReportTemplate, latestVersion: number): ReportTemplate {
  if (edited.builtIn) throw new Error('built-in templates are read-only; copy first')
  return { ...clone(edited), version: Math.max(latestVersion, edited.version) + 1 }
}

function inlineText(content: InlineJSON[] | undefined): string {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : '')).join('')
}

/** Years written into a report title become placeholders again, so the template fits any year. */
function yearsToPlaceholders(text: string, year: number): string {
  return text.replace(new RegExp(`(?<!\\d)${year + 1}(?!\\d)`, 'g'), '{nextYear}').replace(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'), '{year}')
}

/**
 * “存为模板”: the report's outline as it is now (levels, order, titles with years turned back into
 * placeholders), guidance and required flags from the template it came from where the section
 * still stems from it, and the template's metric definitions, tables and checks.
 */
export function templateFromReport(
  report: Report,
  doc: ReportDocJSON,
  source: ReportTemplate | undefined,
  newId: string,
  name: string
): ReportTemplate {
  const year = report.meta.year
  const fromSource = new Map((source?.sections ?? []).map((s) => [s.key, s]))
  const used = new Set<string>()
  let counter = 0
  /** Section key of the first section citing each metric (for the report's own metrics). */
  const citedIn = new Map<string, string>()
  const sections: TemplateSection[] = doc.content
    .filter((b): b is SectionJSON => b.type === 'section')
    .map((block) => {
      const origin = block.attrs.templateKey ? fromSource.get(block.attrs.templateKey) : undefined
      let key = origin?.key ?? `s${++counter}`
      while (used.has(key)) key = `s${++counter}`
      used.add(key)
      for (const p of block.content) for (const n of p.content ?? []) if (n.type === 'metric' && !citedIn.has(n.attrs.metricId)) citedIn.set(n.attrs.metricId, key)
      return {
        key,
        level: block.attrs.level,
        title: yearsToPlaceholders(inlineText(block.content[0]?.content).trim(), year) || '（未命名章节）',
        guidance: origin?.guidance ?? '',
        required: block.attrs.required
      }
    })
  const keys = new Set(sections.map((s) => s.key))
  const base = source ? clone(source) : undefined
  const metrics = (base?.metrics ?? []).map((m) => (keys.has(m.sectionKey) ? m : { ...m, sectionKey: '' }))
  // The report's own metrics become the template's, under the section citing them; their ids
  // lose the 'own.' mark, which only metrics of a single report carry.
  const taken = new Set(metrics.map((m) => m.id))
  for (const m of clone(report.ownMetrics ?? [])) {
    const id = m.id.replace(/^own\./, 'custom.')
    if (taken.has(id)) continue
    taken.add(id)
    metrics.push({ ...m, id, sectionKey: citedIn.get(m.id) ?? '' })
  }
  const tables = (base?.tables ?? []).filter((t) => keys.has(t.sectionKey))
  const organs = report.meta.issuingOrgans.join(' ')
  let titlePattern = yearsToPlaceholders(report.meta.title, year)
  if (organs && titlePattern.startsWith(organs)) titlePattern = `{organs}${titlePattern.slice(organs.length)}`
  return {
    id: newId,
    version: 1,
    name,
    description: source ? `由报告“${report.meta.title}”存为模板（原模板：${source.name}）` : `由报告“${report.meta.title}”存为模板`,
    builtIn: false,
    titlePattern,
    defaultAddressee: report.meta.addressee,
    preambleGuidance: base?.preambleGuidance ?? '',
    sections,
    metrics,
    ...(tables.length ? { tables } : {}),
    ...(base?.checks?.length ? { checks: base.checks } : {}),
    ...(base?.formatVersion ? { formatVersion: base.formatVersion } : {}),
    ...(source ? { derivedFrom: { id: source.id, version: source.version } } : {})
  }
}

/**
 * Where an imported template goes: a template that exists (same id) gets a new version on top
 * of the latest; one whose id is a built-in's becomes a copy under a new id.
 */
export function placeImportedTemplate(
  imported: ReportTemplate,
  existing: { builtInIds: ReadonlySet<string>; latestVersion: (id: string) => number | undefined },
  newId: () => string
): ReportTemplate {
  const t = { ...clone(imported), builtIn: false }
  if (existing.builtInIds.has(t.id)) return { ...t, id: newId(), version: 1, derivedFrom: { id: imported.id, version: imported.version } }
  const latest = existing.latestVersion(t.id)
  if (latest !== undefined && t.version <= latest) return { ...t, version: latest + 1 }
  return t
}
