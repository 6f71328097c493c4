// The one central Electron mock. Extended by the shell work; keep every test on this file.
export const app = {
  whenReady: () => Promise.resolve()
}
export const contextBridge = {
  exposeInMainWorld: (_key: string, _api: unknown) => {}
}
