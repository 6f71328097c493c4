// Write a whole file or nothing: a crash, a full disk or Word holding the old file never leaves
// a half-written .docx behind. Temp file in the SAME folder (so rename is atomic), fsync, rename.
import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))

export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const temp = tempPathFor(target)
  try {
    // 'wx': never reuse a file someone else created under our temp name.
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

/** Windows: anti-virus or the search indexer briefly lock fresh files; a short retry cures it. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (process.platform !== 'win32' || attempt >= 4 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) {
        throw error
      }
      await sleep(100 * (attempt + 1))
    }
  }
}
