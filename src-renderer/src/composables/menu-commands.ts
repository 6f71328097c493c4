// The application menu's commands (contract MenuCommand) reach the renderer through ONE
// dispatcher. App-wide commands are handled in App.vue; screen commands (export, find, save a
// version) go to the screen that registered a handler for them, newest first. The dispatch
// table is a Record over every MenuCommand, so a command added to the contract without a
// handler fails the type check instead of being silently ignored.
import { onBeforeUnmount, onMounted } from 'vue'
import type { MenuCommand, Platform } from '../platform/platform'

/** Commands that act on the report on screen. */
export const SCREEN_COMMANDS = ['save-version', 'export-word', 'export-pdf', 'find'] as const satisfies readonly MenuCommand[]
export type ScreenCommand = (typeof SCREEN_COMMANDS)[number]
export type AppCommand = Exclude<MenuCommand, ScreenCommand>

export type ScreenHandlers = Partial<Record<ScreenCommand, () => void>>

const screens: ScreenHandlers[] = []

/** Registers the current screen's handlers while the component is mounted. */
export function useScreenCommands(handlers: ScreenHandlers): void {
  onMounted(() => screens.push(handlers))
  onBeforeUnmount(() => {
    const at = screens.lastIndexOf(handlers)
    if (at >= 0) screens.splice(at, 1)
  })
}

/** Runs a screen command on the newest screen that handles it; false when none does. */
export function runScreenCommand(command: ScreenCommand): boolean {
  for (let i = screens.length - 1; i >= 0; i--) {
    const handler = screens[i][command]
    if (handler) {
      handler()
      return true
    }
  }
  return false
}

/**
 * Subscribes to the platform's menu events. `app` handles the app-wide commands; `unhandled`
 * tells the user when a screen command has nothing to act on (e.g. 导出Word on the home page).
 */
export function installMenuDispatcher(
  platform: Pick<Platform, 'onMenuCommand'>,
  app: Record<AppCommand, () => void>,
  unhandled: (command: ScreenCommand) => void
): () => void {
  const screen = (command: ScreenCommand) => () => {
    if (!runScreenCommand(command)) unhandled(command)
  }
  const table: Record<MenuCommand, () => void> = {
    ...app,
    'save-version': screen('save-version'),
    'export-word': screen('export-word'),
    'export-pdf': screen('export-pdf'),
    find: screen('find')
  }
  return platform.onMenuCommand?.((command) => table[command]?.()) ?? (() => {})
}
