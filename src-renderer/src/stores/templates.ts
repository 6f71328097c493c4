// User templates and every stored template version. IndexedDB is the source of truth; after
// each write the store reloads and builds a new TemplateCatalog, the app's one lookup of
// templates (exact versions for reports, current versions for new things).
import { markRaw } from 'vue'
import { defineStore } from 'pinia'
import type { Report, ReportDocJSON } from '@core/report'
import type { ReportTemplate } from '@core/template'
import { BUILT_IN_TEMPLATES, isBuiltInTemplateId } from '@core/templates'
import { TemplateCatalog } from '@core/templates/catalog'
import { blankTemplate, copyTemplate, nextTemplateVersion, placeImportedTemplate, templateFromReport } from '@core/templates/derive'
import { exportTemplateFile, parseTemplateFile, validateTemplate } from '@core/template-file'
import { advanceReport } from '@core/year-advance'
import {
  createReport,
  deleteUserTemplate,
  ensureTemplateSnapshot,
  getDatabase,
  getReport,
  listTemplateRows,
  loadSections,
  saveTemplateVersion,
  saveTemplateVersions,
  type TemplateRow
} from '../db/database'

/** A failure already phrased for the clerk. */
export class TemplateActionError extends Error {
  override name = 'TemplateActionError'
  constructor(
    message: string,
    /** Every problem found (import/validation), for a list under the message. */
    readonly details: string[] = []
  ) {
    super(message)
  }
}

function newId(): string {
  return crypto.randomUUID()
}

let catalogLoad: Promise<void> | null = null

/** Loads the catalog once per app start (the router awaits it before the first view). */
export function ensureTemplateCatalog(): Promise<void> {
  catalogLoad ??= useTemplatesStore()
    .load()
    .catch((error) => {
      catalogLoad = null
      console.warn('[huibao] could not load user templates', error)
    })
  return catalogLoad
}

function latestVersionIn(rows: readonly TemplateRow[], id: string): number | undefined {
  const versions = rows.filter((r) => r.id === id).map((r) => r.version)
  return versions.length ? Math.max(...versions) : undefined
}

export const useTemplatesStore = defineStore('templates', {
  state: () => ({
    rows: [] as TemplateRow[],
    // Immutable and replaced whole, so no deep reactivity over every template.
    catalog: markRaw(new TemplateCatalog()),
    loaded: false
  }),
  getters: {
    userTemplates: (state): ReportTemplate[] => state.catalog.userTemplates(),
    /** Built-ins first, then the clerk's own, for the 新建报告 template choice. */
    choices: (state): ReportTemplate[] => state.catalog.choices()
  },
  actions: {
    async load(): Promise<void> {
      try {
        const rows = await listTemplateRows(getDatabase())
        this.rows = rows
        this.catalog = markRaw(new TemplateCatalog(rows))
        this.loaded = true
      } catch (error) {
        throw new TemplateActionError(`读取模板失败：${error instanceof Error ? error.message : String(error)}`)
      }
    },

    /** The current version of any template (built-in or user), for the editor view. */
    find(id: string): ReportTemplate | undefined {
      return this.catalog.current(id)
    },

    /** The exact template version a report was made from (TemplateVersionMissing otherwise). */
    forReport(report: Pick<Report, 'templateId' | 'templateVersion'>): ReportTemplate {
      return this.catalog.forReport(report)
    },

    /** A fresh template to edit: blank, or a copy of an existing one (built-ins are read-only). */
    draftFrom(sourceId: string | null): ReportTemplate {
      if (!sourceId) return blankTemplate(newId())
      const source = this.catalog.current(sourceId)
      if (!source) throw new TemplateActionError('找不到所选的模板，请刷新后重试。')
      return copyTemplate(source, newId())
    },

    /**
     * Saves an edited template: version 1 for a new one, the next version for an existing one.
     * Problems are listed in Chinese and nothing is stored while there are any.
     */
    async save(template: ReportTemplate): Promise<ReportTemplate> {
      if (isBuiltInTemplateId(template.id)) throw new TemplateActionError('内置模板不能修改，请先“复制为我的模板”再编辑。')
      const problems = validateTemplate(template)
      if (problems.length) throw new TemplateActionError(`模板有 ${problems.length} 处问题，请修改后再保存。`, problems)
      const latest = latestVersionIn(this.rows, template.id)
      const toSave = latest === undefined ? { ...template, version: 1, builtIn: false } : nextTemplateVersion(template, latest)
      try {
        await saveTemplateVersion(getDatabase(), toSave)
      } catch (error) {
        throw new TemplateActionError(`保存模板失败：${error instanceof Error ? error.message : String(error)}`)
      }
      await this.load()
      return toSave
    },

    async remove(id: string): Promise<void> {
      await deleteUserTemplate(getDatabase(), id)
      await this.load()
    },

    /** “存为模板”: the report's current outline and its template's metrics, as a new user template. */
    async saveReportAsTemplate(reportId: string, name: string): Promise<ReportTemplate> {
      const db = getDatabase()
      const report = await getReport(db, reportId)
      if (!report) throw new TemplateActionError('找不到这份报告，它可能已被删除。')
      const sections = await loadSections(db, report)
      const source = this.catalog.forReport(report)
      const template = templateFromReport(report, { type: 'doc', content: sections } as ReportDocJSON, source, newId(), name.trim() || `${report.meta.title}（模板）`)
      return this.save(template)
    },

    /** The file text for one template (a copy of a built-in is exported as the user's own). */
    exportText(id: string): { text: string; template: ReportTemplate } {
      const template = this.catalog.current(id)
      if (!template) throw new TemplateActionError('找不到要导出的模板。')
      return { text: exportTemplateFile(template), template }
    },

    /** Reads a template file; stores every template in it, or nothing when anything is wrong. */
    async importText(text: string, fileName?: string): Promise<ReportTemplate[]> {
      const parsed = parseTemplateFile(text, { fileName })
      if (!parsed.ok) throw new TemplateActionError('无法导入这个文件：', parsed.errors)
      const builtInIds = new Set(BUILT_IN_TEMPLATES.map((t) => t.id))
      const placed = parsed.templates.map((t) => placeImportedTemplate(t, { builtInIds, latestVersion: (id) => latestVersionIn(this.rows, id) }, newId))
      try {
        await saveTemplateVersions(getDatabase(), placed)
      } catch (error) {
        throw new TemplateActionError(`导入失败，没有保存任何模板：${error instanceof Error ? error.message : String(error)}`)
      }
      await this.load()
      return placed
    },

    /**
     * “以去年报告为底稿”: a new report from last year's, text and dates advanced, figures cleared.
     * `meta` overrides what the clerk entered in the dialog (organs, title, date…).
     */
    async startFromLastYear(previousReportId: string, meta: Partial<Report['meta']>): Promise<Report> {
      const db = getDatabase()
      const previous = await getReport(db, previousReportId)
      if (!previous) throw new TemplateActionError('找不到去年的报告，它可能已被删除。')
      const template = this.catalog.forReport(previous)
      const sections = await loadSections(db, previous)
      const reportId = newId()
      let counter = 0
      const next = advanceReport(
        { report: previous, doc: { type: 'doc', content: sections } as ReportDocJSON, template },
        { reportId, newSectionId: () => `${reportId.slice(0, 8)}-s${++counter}-${newId().slice(0, 8)}`, now: Date.now() }
      )
      next.report.meta = { ...next.report.meta, ...meta }
      await ensureTemplateSnapshot(db, template)
      await createReport(db, next.report, next.doc.content, next.values)
      return next.report
    }
  }
})
