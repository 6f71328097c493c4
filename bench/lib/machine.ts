// What the figures were measured on: they mean little without it.
import { cpus, loadavg, totalmem, platform, release } from 'node:os'
import { execFileSync } from 'node:child_process'
import { CHROMIUM_PATH } from '../../tests/e2e/harness'

export interface MachineInfo {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  node: string
  chromium: string
  /** 1-minute load average at start: the machine is shared, so a high value explains noisy figures. */
  loadAverage1m: number
}

export function machineInfo(): MachineInfo {
  const list = cpus()
  let chromium = 'n/a'
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch (e) {
    chromium = `n/a (${(e as Error).message.split('\n')[0]})`
  }
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100
  }
}
