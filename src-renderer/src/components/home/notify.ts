// Short confirmations and errors, placed just below the app bar (the default sits on top of it).
import { ElMessage } from 'element-plus'

const OFFSET = 60

export function notifySuccess(message: string): void {
  ElMessage({ type: 'success', message, offset: OFFSET })
}

/** Errors stay longer: they say what went wrong and what to do, which takes time to read. */
export function notifyError(error: unknown): void {
  ElMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), offset: OFFSET, duration: 6000, showClose: true })
}
