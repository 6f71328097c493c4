// Views loaded on demand, each through one import() so that the router and an early prefetch
// share the same chunk (the module is fetched and evaluated once, whoever asks first).
// The editor carries TipTap/ProseMirror: it loads when a report is opened, or earlier while the
// report list sits idle (ReportListView) or while a window opened at a report starts (main.ts).
export const loadEditorView = () => import('./EditorView.vue')

/** Starts loading the editor's code without waiting for it; a failure shows when it is needed. */
export function prefetchEditorView(): void {
  loadEditorView().catch(() => {})
}
