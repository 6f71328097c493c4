// "导出PDF" as the clerk sees it, shared by the page view and the editor: say which fonts are
// missing and what replaces them (the clerk may cancel), then print and report the outcome.
import { ElMessageBox } from 'element-plus'
import type { LayoutProfile } from '@core/layout'
import { checkFonts } from '../../services/fonts'
import { exportPdfForStatus } from '../../services/review-export'
import { useSessionStore } from '../../stores/session'

export type PdfExportOutcome = { kind: 'done'; message: string } | { kind: 'canceled' } | { kind: 'error'; message: string }

/** `onStart` runs once the clerk has agreed, when printing begins (to show progress). */
export async function exportPdfWithFontCheck(reportId: string, profile: LayoutProfile, onStart?: () => void): Promise<PdfExportOutcome> {
  const fonts = checkFonts(profile)
  if (fonts.messages.length > 0) {
    try {
      await ElMessageBox.confirm(fonts.messages.join('\n'), '导出前字体检查', {
        confirmButtonText: '继续导出',
        cancelButtonText: '取消',
        type: 'warning'
      })
    } catch {
      return { kind: 'canceled' }
    }
  }
  onStart?.()
  try {
    // An approved report is checked against its approval and recorded, like 导出Word.
    const result = await exportPdfForStatus(reportId, useSessionStore().person)
    if (result.status === 'saved') return { kind: 'done', message: `已导出：${result.path.split(/[\\/]/).pop() || result.path}` }
    if (result.status === 'print-dialog') return { kind: 'done', message: '已打开打印窗口：请在打印对话框中选择“另存为 PDF”。' }
    return { kind: 'canceled' }
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
  }
}
