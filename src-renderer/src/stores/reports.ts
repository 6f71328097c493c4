// The report list, the recycle bin and every action on whole reports. IndexedDB stays the
// source of truth: each action writes first, then reloads the affected list from the DB.
import { defineStore } from 'pinia'
import { useTemplatesStore } from './templates'
import type { Report } from '@core/report'
import { createReportFromTemplate } from '@core/report-factory'
// Word import's builder loads with the import itself, not with the report list (start-up).
import type { ImportInput, ImportPlan, RecognisedReport } from '@core/import'
import {
  createReport,
  duplicateReport,
  findPreviousYearReports,
  ensureTemplateSnapshot,
  getDatabase,
  getSetting,
  listReports,
  moveToRecycleBin,
  purgeReport,
  renameReport,
  restoreFromRecycleBin,
  setSetting
} from '../db/database'

export interface NewReportInput {
  templateId: string
  organs: string[]
  addressee: string
  year: number
  date: string
  title: string
  /** Last year's report of the same template, linked for its figures. */
  previousReportId?: string | null
}

/** What the 新建报告 dialog prefills from the last report created. */
export interface LastUsedInput {
  organs: string[]
  addressee: string | null
}

const SETTING_LAST_ORGANS = 'newReport.lastOrgans'
const SETTING_LAST_ADDRESSEE = 'newReport.lastAddressee'

/** A failure already phrased for the clerk. */
export class ReportActionError extends Error {
  override name = 'ReportActionError'
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    // Input errors from the core already speak Chinese; anything else is technical detail.
    if (/[\u4e00-\u9fff]/.test(error.message)) return error.message
    return error.name === 'QuotaExceededError' ? '磁盘空间不足' : error.message || error.name
  }
  return String(error)
}

function fail(what: string, error: unknown): never {
  if (error instanceof ReportActionError) throw error
  throw new ReportActionError(`${what}：${reason(error)}`)
}

function newId(): string {
  return crypto.randomUUID()
}

export const useReportsStore = defineStore('reports', {
  state: () => ({
    reports: [] as Report[],
    recycleBin: [] as Report[],
    loaded: false,
    loading: false
  }),
  actions: {
    async load(): Promise<void> {
      this.loading = true
      try {
        this.reports = await listReports(getDatabase())
        this.loaded = true
      } catch (error) {
        fail('读取报告列表失败', error)
      } finally {
        this.loading = false
      }
    },

    async loadRecycleBin(): Promise<void> {
      try {
        this.recycleBin = await listReports(getDatabase(), { deleted: true })
      } catch (error) {
        fail('读取回收站失败', error)
      }
    },

    /** Last year's live reports of this template and issuing organ, for 新建报告 to offer (the clerk chooses among several). */
    async previousYearReports(templateId: string, year: number, organs: readonly string[]): Promise<Report[]> {
      return findPreviousYearReports(getDatabase(), templateId, year, organs)
    },

    async lastUsedInput(): Promise<LastUsedInput> {
      const db = getDatabase()
      const organs = (await getSetting<string[]>(db, SETTING_LAST_ORGANS)) ?? []
      const addressee = (await getSetting<string>(db, SETTING_LAST_ADDRESSEE)) ?? null
      return { organs: Array.isArray(organs) ? organs : [], addressee: typeof addressee === 'string' ? addressee : null }
    },

    /** Builds the report from its template and stores it (report, sections, values) in one transaction. */
    async create(input: NewReportInput): Promise<Report> {
      const template = useTemplatesStore().find(input.templateId)
      if (!template) throw new ReportActionError('创建报告失败：找不到所选的报告模板，请重新选择。')
      const db = getDatabase()
      let created: Report
      try {
        let counter = 0
        const reportId = newId()
        const { report, doc, values } = createReportFromTemplate(
          template,
          { organs: input.organs, addressee: input.addressee, year: input.year, date: input.date, title: input.title },
          { reportId, newSectionId: () => `${reportId.slice(0, 8)}-s${++counter}-${newId().slice(0, 8)}`, now: Date.now() }
        )
        if (input.previousReportId) report.previousReportId = input.previousReportId
        // Record the exact template version the report is made from (built-ins may change with an app update).
        await ensureTemplateSnapshot(db, template)
        await createReport(db, report, doc.content, values)
        created = report
      } catch (error) {
        fail('创建报告失败', error)
      }
      // Remembering the organs is a convenience: a failure here must not fail the creation.
      try {
        await setSetting(db, SETTING_LAST_ORGANS, created.meta.issuingOrgans)
        await setSetting(db, SETTING_LAST_ADDRESSEE, created.meta.addressee)
      } catch (error) {
        console.warn('[huibao] could not remember the last organs', error)
      }
      await this.load()
      return created
    },

    /**
     * 导入Word: the recognised document becomes a report (report row, sections and values in
     * one transaction, as 新建报告 does). With `asDraft` it is next year's draft instead: years
     * advanced and figures cleared, like 以去年报告为底稿.
     */
    async importWord(args: {
      recognised: RecognisedReport
      plan: ImportPlan
      input: ImportInput
      bindings: Record<string, string>
      asDraft: boolean
    }): Promise<Report> {
      const db = getDatabase()
      let created: Report
      try {
        let counter = 0
        const reportId = newId()
        const { buildImportedReport } = await import('@core/import/build')
        const { report, doc, values } = buildImportedReport(
          args.recognised,
          args.plan,
          args.input,
          { reportId, newSectionId: () => `${reportId.slice(0, 8)}-s${++counter}-${newId().slice(0, 8)}`, now: Date.now() },
          { bindings: args.bindings, asDraft: args.asDraft }
        )
        await ensureTemplateSnapshot(db, args.plan.template)
        await createReport(db, report, doc.content, values)
        created = report
      } catch (error) {
        fail('导入失败', error)
      }
      await this.load()
      return created
    },

    async rename(id: string, title: string): Promise<void> {
      if (title.trim() === '') throw new ReportActionError('标题不能为空，请输入报告标题。')
      try {
        await renameReport(getDatabase(), id, title)
      } catch (error) {
        fail('重命名失败', error)
      }
      await this.load()
    },

    async duplicate(id: string): Promise<Report> {
      const source = this.reports.find((r) => r.id === id)
      let copy: Report
      try {
        const title = `${source?.meta.title ?? '报告'}（副本）`
        copy = await duplicateReport(getDatabase(), id, newId(), title)
      } catch (error) {
        fail('复制报告失败', error)
      }
      await this.load()
      return copy
    },

    /** Moves a report to the recycle bin; `restore` undoes it. */
    async remove(id: string): Promise<void> {
      try {
        await moveToRecycleBin(getDatabase(), id)
      } catch (error) {
        fail('删除失败', error)
      }
      await this.load()
    },

    async restore(id: string): Promise<void> {
      try {
        await restoreFromRecycleBin(getDatabase(), id)
      } catch (error) {
        fail('恢复失败', error)
      }
      await Promise.all([this.load(), this.loadRecycleBin()])
    },

    /** Destroys a report that is in the recycle bin; the view asks for confirmation first. */
    async purge(id: string): Promise<void> {
      try {
        await purgeReport(getDatabase(), id)
      } catch (error) {
        if (error instanceof Error && error.message.includes('recycle bin')) {
          throw new ReportActionError('彻底删除失败：只能彻底删除回收站中的报告。')
        }
        fail('彻底删除失败', error)
      }
      await this.loadRecycleBin()
    }
  }
})
