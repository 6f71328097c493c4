// The audit anchor file: <profile>/huibao-data/audit-anchor.json, the audit trail's check point
// outside IndexedDB (latest entry hash per report, the signing key's fingerprint). Main only
// stores it — atomically, so a power cut leaves the old or the new file, never half of one —
// and refuses anything that is not shaped like an anchor. The renderer interprets it.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from './atomic-write'
import { describeWriteError } from './files'
import { handle, UserFacingError } from './ipc'

export const ANCHOR_FILE = 'audit-anchor.json'
/** One small record per report: even thousands of reports stay far below this. */
export const MAX_ANCHOR_CHARS = 4 * 1024 * 1024

const anchorShape = z.looseObject({
  format: z.literal('huibao-audit-anchor'),
  version: z.literal(1),
  chains: z.record(z.string(), z.looseObject({ seq: z.number().int().nonnegative(), hash: z.string() }))
})

export const writeAnchorSchema = z.strictObject({
  json: z
    .string()
    .max(MAX_ANCHOR_CHARS, '校验文件过大')
    .refine((text) => {
      try {
        return anchorShape.safeParse(JSON.parse(text)).success
      } catch {
        return false
      }
    }, '不是审核记录校验文件')
})

export function anchorPath(dataDir: string): string {
  return join(dataDir, ANCHOR_FILE)
}

export async function readAnchor(dataDir: string): Promise<string | null> {
  try {
    return await readFile(anchorPath(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

export async function writeAnchor(dataDir: string, json: string): Promise<void> {
  try {
    await writeFileAtomic(anchorPath(dataDir), new TextEncoder().encode(json))
  } catch (error) {
    throw new UserFacingError(describeWriteError(error).replace('保存文件', '写入审核记录校验文件'))
  }
}

export function registerAnchorHandlers(dataDir: string): void {
  handle('anchor:read', z.undefined(), () => readAnchor(dataDir))
  handle('anchor:write', writeAnchorSchema, (request) => writeAnchor(dataDir, request.json))
}
