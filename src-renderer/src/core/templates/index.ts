// The templates shipped with the app, plus a registry of user templates (and the stored
// versions reports were made from) that the templates store fills from the database. Lookups
// stay synchronous so every view and exporter can call them.
import type { ReportTemplate } from '../template'
import { GOV_DISCLOSURE_TEMPLATE } from './gov-disclosure'
import { RULE_OF_LAW_TEMPLATE } from './rule-of-law'
import { WORK_SUMMARY_TEMPLATE } from './work-summary'

export { GOV_DISCLOSURE_TEMPLATE, RULE_OF_LAW_TEMPLATE, WORK_SUMMARY_TEMPLATE }

export const BUILT_IN_TEMPLATES: ReportTemplate[] = [RULE_OF_LAW_TEMPLATE, GOV_DISCLOSURE_TEMPLATE, WORK_SUMMARY_TEMPLATE]

/** User templates, latest version of each. */
let userTemplates: ReportTemplate[] = []
/** Every stored version (user and built-in snapshots), keyed 'id@version'. */
let versions = new Map<string, ReportTemplate>()

const versionKey = (id: string, version: number) => `${id}@${version}`

/** Replaces the registry (called by the templates store after each load). */
export function registerTemplates(latest: readonly ReportTemplate[], allVersions: readonly ReportTemplate[] = latest): void {
  userTemplates = latest.filter((t) => !BUILT_IN_TEMPLATES.some((b) => b.id === t.id))
  versions = new Map(allVersions.map((t) => [versionKey(t.id, t.version), t]))
}

/** Built-ins first, then user templates. */
export function allTemplates(): ReportTemplate[] {
  return [...BUILT_IN_TEMPLATES, ...userTemplates]
}

/**
 * A template by id: the current version, or with `version` the exact version a report was
 * made from (so later edits to a template never change an existing report), falling back to
 * the current one when that version is not stored.
 */
export function getTemplate(id: string, version?: number): ReportTemplate | undefined {
  const current = BUILT_IN_TEMPLATES.find((t) => t.id === id) ?? userTemplates.find((t) => t.id === id)
  if (version === undefined || current?.version === version) return current
  return versions.get(versionKey(id, version)) ?? current
}

/** True when the id belongs to a built-in template (read-only; editing makes a copy). */
export function isBuiltInTemplateId(id: string): boolean {
  return BUILT_IN_TEMPLATES.some((t) => t.id === id)
}
