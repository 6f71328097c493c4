// The one IPC contract, shared by main, preload and renderer. Type-only on purpose: no code
// crosses runtimes through this file, only the shape of every request and answer.

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface SaveFileRequest {
  /** File name offered in the save dialog, e.g. the report title + '.docx'. */
  suggestedName: string
  data: Uint8Array
  filters: FileFilter[]
}

export type SaveFileResult = { status: 'saved'; path: string } | { status: 'canceled' }

export interface AppInfo {
  version: string
  /** Where the app keeps its files on this PC (shown in 关于 and the README). */
  dataPath: string
  platform: string
}

/** Every invoke channel, its request and its answer. */
export interface IpcChannels {
  'file:save': { request: SaveFileRequest; response: SaveFileResult }
  'app:info': { request: void; response: AppInfo }
}

export type IpcChannel = keyof IpcChannels

/**
 * What the application menu asks the renderer to do. Edit commands (undo, copy, …) are native
 * menu roles and never reach the renderer through this channel.
 */
export type MenuCommand = 'new-report' | 'save-version' | 'export-word' | 'export-pdf' | 'find'

/** Events main sends to the renderer (one way, no answer). */
export interface IpcEvents {
  'menu:command': MenuCommand
}

export type IpcEvent = keyof IpcEvents

/** An error answered by main instead of throwing raw Error objects across the bridge. */
export interface IpcError {
  code: 'forbidden-sender' | 'invalid-payload' | 'failed'
  message: string
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** What the preload exposes as `window.huibao`: named functions only, never ipcRenderer. */
export interface HuibaoBridge {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  getAppInfo(): Promise<AppInfo>
  /** Subscribes to application-menu commands; returns the function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

export type BridgeGlobal = { huibao?: HuibaoBridge }
