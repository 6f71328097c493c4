// Refuse to run an older version over a newer profile: an older Dexie schema meeting a newer
// database can fail to open or, worse, be "upgraded" destructively. Explain, quit, touch nothing.
import { mkdirSync, readFileSync } from 'node:fs'
import semver from 'semver'
import { join } from 'node:path'
import { LAST_VERSION_FILE } from './constants'
import { writeFileAtomic } from './atomic-write'

/** A semantic version as written (a leading "v" allowed), or null. */
export function parseSemver(version: string): string | null {
  return semver.valid(version.trim())
}

/** Semver 2.0.0 precedence (-1, 0, 1): build metadata ignored, a pre-release sorts first. */
export function compareVersions(a: string, b: string): number {
  const x = parseSemver(a)
  const y = parseSemver(b)
  if (!x || !y) throw new Error(`not a semantic version: ${!x ? a : b}`)
  return semver.compare(x, y)
}

export function readLastRunVersion(dataDir: string): string | null {
  try {
    const value: unknown = JSON.parse(readFileSync(join(dataDir, LAST_VERSION_FILE), 'utf8'))?.version
    return typeof value === 'string' && parseSemver(value) ? value : null
  } catch {
    return null
  }
}

export type VersionCheck = { kind: 'ok'; previous: string | null } | { kind: 'downgrade'; previous: string; current: string }

export function checkVersion(dataDir: string, current: string): VersionCheck {
  const previous = readLastRunVersion(dataDir)
  if (previous && compareVersions(current, previous) < 0) return { kind: 'downgrade', previous, current }
  return { kind: 'ok', previous }
}

/** Called only after checkVersion said ok: never overwrite the record of a newer version. */
export async function recordVersion(dataDir: string, current: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true })
  await writeFileAtomic(join(dataDir, LAST_VERSION_FILE), new TextEncoder().encode(JSON.stringify({ version: current })))
}

export function downgradeMessage(check: Extract<VersionCheck, { kind: 'downgrade' }>): {
  title: string
  message: string
  detail: string
} {
  return {
    title: '版本过旧',
    message: `此电脑上的报告数据由较新的版本 ${check.previous} 保存，当前程序版本 ${check.current} 较旧，无法打开。`,
    detail:
      '为避免旧版本损坏或清空您的报告数据，程序将退出，数据不会被改动。\n请安装 ' +
      `${check.previous} 或更新的版本后再打开。`
  }
}
