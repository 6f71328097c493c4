// 导出Word and 导出PDF as the clerk meets them, shared by the editor and the page view: save
// pending edits, run the 公文校对 gate (必须修改 items ask once), warn about missing layout
// fonts before a PDF, then export and say how it went.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { LayoutProfile } from '@core/layout'
import { checkFonts } from '../services/fonts'
import { warmReportWorker } from '../services/report-build'
import { useSessionStore } from '../stores/session'

export type ExportKind = 'word' | 'pdf'

export interface ReportExportOptions {
  reportId: () => string
  profile: () => LayoutProfile
  /** Writes pending edits first, so what is exported is exactly what is stored. */
  flush?: () => Promise<void>
  /** The pre-export check (stores/proofread gate): false stops the export, with a message or not. */
  gate?: () => Promise<{ ok: true } | { ok: false; message: string }>
  /** After a Word export (the status may have become 已报送). */
  afterWord?: () => void
  /** After either export, also a refused one (an approved report's PDF is recorded too: 已报送). */
  afterExport?: () => void
  /** How outcomes are shown; a transient message by default (the page view uses its status line). */
  notify?: (type: 'success' | 'error', message: string) => void
}

export function useReportExport(options: ReportExportOptions) {
  const session = useSessionStore()
  /** From the click to the outcome, the check and its question included: the buttons stay disabled. */
  const busy = ref(false)
  const exporting = ref(false)
  const kind = ref<ExportKind>('word')
  /** The Word file's build (in the export worker), 0..1; null when no build is running. */
  const wordProgress = ref<number | null>(null)
  const notify =
    options.notify ??
    ((type: 'success' | 'error', message: string) => (type === 'success' ? ElMessage.success(message) : ElMessage.error({ message, duration: 6000 })))

  async function start(which: ExportKind): Promise<void> {
    // A second click (or Ctrl+E) while one export runs does nothing: one click, one file.
    if (busy.value || exporting.value) return
    busy.value = true
    // The report worker starts loading now, while the edits are saved (it checks and builds).
    warmReportWorker()
    try {
      await run(which)
    } finally {
      busy.value = false
    }
  }

  async function run(which: ExportKind): Promise<void> {
    kind.value = which
    try {
      await options.flush?.()
    } catch (error) {
      notify('error', `导出前保存失败：${error instanceof Error ? error.message : String(error)}。请稍后再试。`)
      return
    }
    const gate = (await options.gate?.()) ?? { ok: true }
    if (!gate.ok) {
      if (gate.message) notify('error', gate.message)
      return
    }
    if (kind.value === 'pdf') return exportPdf()
    exporting.value = true
    wordProgress.value = 0
    try {
      // Approved text is checked against the approval and recorded (→ 已报送); drafts export as before.
      // The exporters load on the first export, not with the editor; the file is built in a worker.
      const { exportWordForStatus } = await import('../services/review-export')
      const result = await exportWordForStatus(options.reportId(), session.person, {
        // The bar goes when the file is built: what follows is the save dialog or the download.
        onProgress: (fraction) => (wordProgress.value = fraction >= 1 ? null : fraction)
      })
      options.afterWord?.()
      if (result.status === 'saved') notify('success', `已导出：${result.path.split(/[\\/]/).pop() || result.path}`)
    } catch (error) {
      notify('error', error instanceof Error ? error.message : String(error))
    } finally {
      wordProgress.value = null
      exporting.value = false
      options.afterExport?.()
    }
  }

  /** The PDF is the page view printed: missing fonts named first (the clerk may cancel). */
  async function exportPdf(): Promise<void> {
    const fonts = checkFonts(options.profile())
    if (fonts.messages.length > 0) {
      try {
        await ElMessageBox.confirm(fonts.messages.join('\n'), '导出前字体检查', { confirmButtonText: '继续导出', cancelButtonText: '取消', type: 'warning' })
      } catch {
        return
      }
    }
    exporting.value = true
    try {
      // An approved report is checked against its approval and recorded, like 导出Word.
      const { exportPdfForStatus } = await import('../services/review-export')
      const result = await exportPdfForStatus(options.reportId(), session.person)
      if (result.status === 'saved') notify('success', `已导出：${result.path.split(/[\\/]/).pop() || result.path}`)
      else if (result.status === 'print-dialog') notify('success', '已打开打印窗口：请在打印对话框中选择“另存为 PDF”。')
    } catch (error) {
      notify('error', error instanceof Error ? error.message : String(error))
    } finally {
      exporting.value = false
      options.afterExport?.()
    }
  }

  return { busy, exporting, kind, wordProgress, start }
}
