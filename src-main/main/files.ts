// 'file:save', 'file:open' (导入Word) and 'app:info'.
import { app, BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import type { AppInfo, OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult } from '@contract/ipc'
import { writeFileAtomic } from './atomic-write'
import { handle, UserFacingError } from './ipc'

const MAX_FILE_BYTES = 200 * 1024 * 1024

export const saveFileSchema = z.strictObject({
  suggestedName: z.string().trim().min(1).max(255),
  data: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, '文件过大'),
  filters: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(100),
        extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/)).min(1).max(10)
      })
    )
    .max(10)
})

export const appInfoSchema = z.undefined()

export const openFileSchema = z.strictObject({ purpose: z.literal('import-word') })

/** The largest Word file import reads (the renderer's zip reader has the same cap). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024

/** 导入Word: an open dialog for .docx; the bytes go to the renderer, which parses them in a worker. */
export async function openFile(request: OpenFileRequest, parent: BrowserWindow | null): Promise<OpenFileResult> {
  void request.purpose // one purpose so far: import-word
  const options: OpenDialogOptions = {
    title: '选择要导入的 Word 文件',
    buttonLabel: '导入',
    defaultPath: app.getPath('documents'),
    filters: [
      { name: 'Word 文档', extensions: ['docx'] },
      { name: '所有文件', extensions: ['*'] }
    ],
    properties: ['openFile']
  }
  return openChosenFile(parent, options, {
    maxBytes: MAX_IMPORT_BYTES,
    tooBig: (size) => `文件过大（${Math.round(size / 1024 / 1024)} MB，导入上限 100 MB）。请删去文档中的大图片后在 Word/WPS 中另存为 .docx 再导入。`,
    unreadable: '无法读取所选文件，请确认文件没有被 Word/WPS 等程序占用后重试。'
  })
}

/**
 * The one way main reads a file the user picks: the open dialog, the size checked before a
 * byte is read (a huge file is refused, not loaded), then the bytes and the bare file name.
 */
export async function openChosenFile(
  parent: BrowserWindow | null,
  options: OpenDialogOptions,
  limits: { maxBytes: number; tooBig: (size: number) => string; unreadable: string }
): Promise<{ status: 'canceled' } | { status: 'opened'; name: string; data: Uint8Array }> {
  const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  const path = choice.filePaths[0]
  if (choice.canceled || !path) return { status: 'canceled' }
  let size: number
  try {
    size = (await stat(path)).size
  } catch {
    throw new UserFacingError('无法读取所选文件，请确认文件存在后重试。')
  }
  if (size > limits.maxBytes) throw new UserFacingError(limits.tooBig(size))
  try {
    return { status: 'opened', name: basename(path), data: new Uint8Array(await readFile(path)) }
  } catch {
    throw new UserFacingError(limits.unreadable)
  }
}

/** Only a file name, never a path, and nothing Windows refuses in a name. */
export function sanitizeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim()
  return cleaned || '未命名'
}

/** Turns the common failures into a sentence the clerk can act on. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return '无法保存文件：文件可能正被其他程序（如 Word、WPS）打开，或此文件夹没有写入权限。请关闭该文件或换一个文件夹后重试。'
    case 'ENOSPC':
      return '无法保存文件：磁盘空间不足。请清理磁盘或换一个位置后重试。'
    case 'ENOENT':
      return '无法保存文件：所选文件夹不存在。请重新选择保存位置。'
    case 'EROFS':
      return '无法保存文件：该位置是只读的。请换一个文件夹后重试。'
    default:
      return '无法保存文件，请换一个位置后重试。'
  }
}

export async function saveFile(request: SaveFileRequest, parent: BrowserWindow | null): Promise<SaveFileResult> {
  const options: SaveDialogOptions = {
    title: '保存文件',
    buttonLabel: '保存',
    defaultPath: join(app.getPath('documents'), sanitizeFileName(request.suggestedName)),
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation']
  }
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return { status: 'canceled' }
  try {
    await writeFileAtomic(choice.filePath, request.data)
  } catch (error) {
    throw new UserFacingError(describeWriteError(error))
  }
  return { status: 'saved', path: choice.filePath }
}

export function appInfo(dataPath: string): AppInfo {
  return { version: app.getVersion(), dataPath, platform: process.platform }
}

export function registerFileHandlers(dataPath: string): void {
  handle('file:save', saveFileSchema, (request, event) =>
    saveFile(request, BrowserWindow.fromWebContents(event.sender))
  )
  handle('app:info', appInfoSchema, () => appInfo(dataPath))
  handle('file:open', openFileSchema, (request, event) => openFile(request, BrowserWindow.fromWebContents(event.sender)))
}
