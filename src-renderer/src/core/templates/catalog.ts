// Every template the app knows: the built-ins plus the stored rows (user templates and the
// snapshots reports were made from). Immutable: the templates store builds a new catalog after
// each load, and services build one from the rows they read. A report resolves against the
// exact version it was made from; a missing version is an error, never a silent fallback to
// the current one (that would change an existing report's output).
import type { Report } from '../report'
import type { ReportTemplate } from '../template'
import { BUILT_IN_TEMPLATES } from './index'

/** What the catalog needs of a stored template row (db/database.ts TemplateRow). */
export interface CatalogRow {
  id: string
  version: number
  kind: 'user' | 'snapshot'
  template: ReportTemplate
  updatedAt: number
  deletedAt: number | null
}

export class TemplateVersionMissing extends Error {
  override name = 'TemplateVersionMissing'
  constructor(
    readonly templateId: string,
    readonly version: number
  ) {
    super(`找不到这份报告使用的模板（${templateId} 第 ${version} 版），可能来自另一台电脑的备份。请恢复包含该模板的备份，或在“模板管理”中导入该模板后再试。`)
  }
}

const key = (id: string, version: number) => `${id}@${version}`

export class TemplateCatalog {
  private readonly versions = new Map<string, ReportTemplate>()
  private readonly latestUser: ReportTemplate[]

  constructor(rows: readonly CatalogRow[] = [], private readonly builtIns: readonly ReportTemplate[] = BUILT_IN_TEMPLATES) {
    for (const t of builtIns) this.versions.set(key(t.id, t.version), t)
    for (const r of rows) if (!this.versions.has(key(r.id, r.version))) this.versions.set(key(r.id, r.version), r.template)
    const latest = new Map<string, CatalogRow>()
    for (const r of rows) {
      if (r.kind !== 'user' || this.isBuiltIn(r.id)) continue
      const seen = latest.get(r.id)
      if (!seen || r.version > seen.version) latest.set(r.id, r)
    }
    this.latestUser = [...latest.values()]
      .filter((r) => r.deletedAt === null)
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map((r) => r.template)
  }

  /** User templates (latest live version each), most recently edited first. */
  userTemplates(): ReportTemplate[] {
    return [...this.latestUser]
  }

  /** Built-ins first, then the clerk's own: the 新建报告 choices. */
  choices(): ReportTemplate[] {
    return [...this.builtIns, ...this.latestUser]
  }

  /** The current version of a template, for starting something new from it. */
  current(id: string): ReportTemplate | undefined {
    return this.builtIns.find((t) => t.id === id) ?? this.latestUser.find((t) => t.id === id)
  }

  /** Exactly this version, or TemplateVersionMissing. */
  exact(id: string, version: number): ReportTemplate {
    const found = this.versions.get(key(id, version))
    if (!found) throw new TemplateVersionMissing(id, version)
    return found
  }

  /** The template version a report was made from. */
  forReport(report: Pick<Report, 'templateId' | 'templateVersion'>): ReportTemplate {
    return this.exact(report.templateId, report.templateVersion)
  }

  /** The template's name for lists, or a placeholder when its version is missing. */
  nameFor(report: Pick<Report, 'templateId' | 'templateVersion'>): string {
    return this.versions.get(key(report.templateId, report.templateVersion))?.name ?? this.current(report.templateId)?.name ?? '（未知模板）'
  }

  isBuiltIn(id: string): boolean {
    return this.builtIns.some((t) => t.id === id)
  }
}
