// The ONE way main answers the renderer. Every handler is registered through handle(), which
// checks who is asking, validates what they ask with zod, and answers an IpcResult — a typed
// error instead of a thrown one, so the renderer can show a proper Chinese message.
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { z } from 'zod'
import type { IpcChannel, IpcChannels, IpcError, IpcResult } from '@contract/ipc'
import { originOf, trustedOrigins } from './constants'

/** An error whose message is already fit for the clerk (Chinese, says what to do). */
export class UserFacingError extends Error {
  override name = 'UserFacingError'
}

export const MESSAGES = {
  forbiddenSender: '请求被拒绝：只接受来自本应用页面的请求。',
  invalidPayload: '请求内容不正确，操作已取消。请重试；如果一直出现，请联系技术支持。',
  failed: '操作没有完成，请重试。'
} as const

/**
 * The sender must be the top-level frame of a page from a trusted origin: app://huibao, plus
 * the dev server in an unpackaged dev run. A sub-frame or a navigated-away page gets nothing.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, trusted: readonly string[]): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  const origin = originOf(frame.url)
  return origin !== null && trusted.includes(origin)
}

function fail(code: IpcError['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('；')
}

export type Handler<C extends IpcChannel> = (
  request: IpcChannels[C]['request'],
  event: IpcMainInvokeEvent
) => IpcChannels[C]['response'] | Promise<IpcChannels[C]['response']>

export function handle<C extends IpcChannel>(
  channel: C,
  schema: z.ZodType<IpcChannels[C]['request']>,
  fn: Handler<C>
): void {
  ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<IpcChannels[C]['response']>> => {
    // Read at call time: dev-mode trust depends on the environment the app was started with.
    if (!isTrustedSender(event, trustedOrigins(app.isPackaged))) {
      return fail('forbidden-sender', MESSAGES.forbiddenSender)
    }
    const parsed = schema.safeParse(payload)
    if (!parsed.success) {
      return fail('invalid-payload', `${MESSAGES.invalidPayload}（${describeIssues(parsed.error)}）`)
    }
    try {
      return { ok: true, value: await fn(parsed.data, event) }
    } catch (error) {
      if (error instanceof UserFacingError) return fail('failed', error.message)
      console.error(`[ipc] ${channel} failed:`, error)
      return fail('failed', MESSAGES.failed)
    }
  })
}
