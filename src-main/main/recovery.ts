// Recovery copies: one file per changed report, outside IndexedDB, so a full disk or a damaged
// backing store that takes the whole database down cannot take the clerk's last minute of work
// with it. <profile>/huibao-data/recovery/<reportId>/<stamp>.json, 3 generations per report,
// each written atomically. The renderer sends the rows; main validates shape and size first.
import { mkdirSync, readdirSync } from 'node:fs'
import { readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { RecoveryCopyInfo, RecoveryCopyWritten } from '@contract/ipc'
import { writeFileAtomic } from './atomic-write'
import { parseStamp, stamp } from './backup'
import { describeWriteError } from './files'
import { handle, UserFacingError } from './ipc'

export const RECOVERY_DIR_NAME = 'recovery'
export const KEEP_GENERATIONS = 3
/** A report is text: even a very long one is a few hundred KB. 20 MB is far beyond that. */
export const MAX_RECOVERY_CHARS = 20 * 1024 * 1024

export function recoveryDir(dataDir: string): string {
  return join(dataDir, RECOVERY_DIR_NAME)
}

/** Report ids become folder names: letters, digits, '-' and '_' only (a UUID fits). */
export const reportIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, '报告编号不正确')
const FILE_NAME = /^(\d{8}T\d{9}Z)\.json$/
export const copyFileNameSchema = z.string().regex(FILE_NAME, '文件名不正确')

const rowOf = (reportId: string) => (row: { reportId: string }) => row.reportId === reportId

/** What a copy must look like; everything the renderer needs to re-create the report. */
export const recoveryCopySchema = z
  .looseObject({
    format: z.literal('huibao-recovery'),
    formatVersion: z.literal(1),
    schemaVersion: z.number().int().positive(),
    reportId: reportIdSchema,
    title: z.string().max(1000),
    year: z.number().int(),
    updatedAt: z.number().nonnegative(),
    copiedAt: z.number().nonnegative(),
    report: z.looseObject({ id: z.string(), meta: z.looseObject({ title: z.string() }), sectionOrder: z.array(z.string()) }),
    sections: z.array(z.looseObject({ reportId: z.string(), id: z.string(), json: z.looseObject({ type: z.string() }) })),
    metricValues: z.array(z.looseObject({ reportId: z.string(), metricId: z.string() }))
  })
  .refine(
    (copy) =>
      copy.report.id === copy.reportId &&
      copy.sections.every(rowOf(copy.reportId)) &&
      copy.metricValues.every(rowOf(copy.reportId)),
    '恢复副本中的数据不属于同一份报告'
  )

export type RecoveryCopyFile = z.infer<typeof recoveryCopySchema>

export const writeRecoverySchema = z.strictObject({
  reportId: reportIdSchema,
  json: z.string().max(MAX_RECOVERY_CHARS, '恢复副本过大')
})

export const readRecoverySchema = z.strictObject({ reportId: reportIdSchema, fileName: copyFileNameSchema })

/** Copies of one report, newest first. */
export function listCopyFiles(reportDir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(reportDir)
  } catch {
    return []
  }
  return names.filter((name) => FILE_NAME.test(name)).sort().reverse()
}

export function parseRecoveryCopy(json: string, reportId: string): RecoveryCopyFile {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new UserFacingError('恢复副本内容不是有效的数据，没有写入。')
  }
  const parsed = recoveryCopySchema.safeParse(value)
  if (!parsed.success || parsed.data.reportId !== reportId) {
    throw new UserFacingError('恢复副本内容不完整，没有写入。')
  }
  return parsed.data
}

export async function writeRecoveryCopy(
  dataDir: string,
  reportId: string,
  json: string,
  now = Date.now()
): Promise<RecoveryCopyWritten> {
  parseRecoveryCopy(json, reportId)
  const dir = join(recoveryDir(dataDir), reportId)
  // Never go back in time within one report's folder, even if the clock does.
  const newest = listCopyFiles(dir)[0]
  const newestAt = newest ? parseStamp(newest.slice(0, -'.json'.length)) : null
  const at = newestAt !== null && newestAt >= now ? newestAt + 1 : now
  const fileName = `${stamp(at)}.json`
  try {
    mkdirSync(dir, { recursive: true })
    await writeFileAtomic(join(dir, fileName), new TextEncoder().encode(json))
  } catch (error) {
    throw new UserFacingError(describeWriteError(error).replace('保存文件', '写入恢复副本'))
  }
  for (const stale of listCopyFiles(dir).slice(KEEP_GENERATIONS)) {
    await unlink(join(dir, stale)).catch(() => undefined)
  }
  return { fileName }
}

/** Every readable copy of every report, newest first; damaged files are skipped, not fatal. */
export async function listRecoveryCopies(dataDir: string): Promise<RecoveryCopyInfo[]> {
  const root = recoveryDir(dataDir)
  let ids: string[]
  try {
    ids = readdirSync(root).filter((name) => reportIdSchema.safeParse(name).success)
  } catch {
    return []
  }
  const copies: RecoveryCopyInfo[] = []
  for (const reportId of ids) {
    for (const fileName of listCopyFiles(join(root, reportId))) {
      const path = join(root, reportId, fileName)
      try {
        const json = await readFile(path, 'utf8')
        const copy = parseRecoveryCopy(json, reportId)
        copies.push({
          reportId,
          fileName,
          title: copy.title,
          year: copy.year,
          updatedAt: copy.updatedAt,
          copiedAt: copy.copiedAt,
          bytes: (await stat(path)).size
        })
      } catch (error) {
        console.warn(`[recovery] skipping unreadable copy ${reportId}/${fileName}:`, error)
      }
    }
  }
  return copies.sort((a, b) => b.copiedAt - a.copiedAt)
}

export async function readRecoveryCopy(dataDir: string, reportId: string, fileName: string): Promise<string> {
  // Both parts were matched by strict patterns above: no separators, no '..', no absolute path.
  const path = join(recoveryDir(dataDir), reportIdSchema.parse(reportId), copyFileNameSchema.parse(fileName))
  let json: string
  try {
    json = await readFile(path, 'utf8')
  } catch {
    throw new UserFacingError('找不到这个恢复副本，可能已被较新的副本替换。请刷新列表后重试。')
  }
  try {
    parseRecoveryCopy(json, reportId)
  } catch {
    throw new UserFacingError('这个恢复副本已损坏，请选择同一报告的另一个副本。')
  }
  return json
}

export function registerRecoveryHandlers(dataDir: string): void {
  handle('recovery:write', writeRecoverySchema, (request) => writeRecoveryCopy(dataDir, request.reportId, request.json))
  handle('recovery:list', z.undefined(), () => listRecoveryCopies(dataDir))
  handle('recovery:read', readRecoverySchema, (request) => readRecoveryCopy(dataDir, request.reportId, request.fileName))
}
