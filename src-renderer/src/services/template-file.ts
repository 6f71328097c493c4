// Template files on disk: export through the platform's save (a download in the browser, a
// save dialog in Electron); import reads a file the clerk picked with a file input.
import type { ReportTemplate } from '@core/template'
import { templateFileName } from '@core/template-file'
import { getPlatform, type Platform } from '../platform'
import type { SaveFileResult } from '@contract/ipc'

export const TEMPLATE_MIME_TYPE = 'application/json'

export function exportTemplateToFile(text: string, template: ReportTemplate, platform: Platform = getPlatform()): Promise<SaveFileResult> {
  return platform.saveFile({
    suggestedName: templateFileName(template),
    data: new TextEncoder().encode(text),
    mimeType: TEMPLATE_MIME_TYPE,
    filters: [{ name: '汇报模板', extensions: ['json'] }]
  })
}

/** Refuses obviously wrong files before reading them whole (a template is a few hundred KB at most). */
export async function readTemplateFile(file: Blob & { name?: string }): Promise<string> {
  if (file.size > 5 * 1024 * 1024) throw new Error('文件太大，不是汇报的模板文件。请选择从“模板管理”导出的 .hbtpl.json 文件。')
  return file.text()
}
