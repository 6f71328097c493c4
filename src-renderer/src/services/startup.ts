// Startup checks that must run before the UI: durable storage and the database itself.

/** Asks the browser not to evict our IndexedDB under storage pressure; logs what it said. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined
  if (!storage || typeof storage.persist !== 'function') {
    console.info('[huibao] navigator.storage.persist 不可用')
    return null
  }
  try {
    const granted = await storage.persist()
    console.info(`[huibao] persistent storage ${granted ? 'granted' : 'not granted'}`)
    return granted
  } catch (error) {
    console.warn('[huibao] persistent storage request failed', error)
    return null
  }
}

/** Turns an IndexedDB/Dexie open failure into the Chinese sentence the start page shows. */
export function databaseOpenErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : ''
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? ''
  const kind = `${name} ${inner}`
  let reason: string
  if (kind.includes('VersionError')) {
    reason = '本机数据由更新版本的汇报写入，当前版本无法读取'
  } else if (kind.includes('QuotaExceeded')) {
    reason = '磁盘空间不足'
  } else if (kind.includes('MissingAPI')) {
    reason = '当前环境不支持本地数据库（IndexedDB）'
  } else if (kind.includes('Blocked') || kind.includes('InvalidState') || kind.includes('OpenFailed')) {
    reason = '数据库正被其他窗口占用或暂时不可用'
  } else {
    // Raw engine messages are English jargon; the console keeps the detail for support.
    reason = `数据库出错（${(inner || name || 'unknown').trim()}）`
  }
  return `无法打开本地数据库：${reason}。请关闭其他汇报窗口后重试。`
}
