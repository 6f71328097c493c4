// The open report: its record, the autosave that writes only changed sections, and the save
// state shown in the header. flush() is exported for export and route leave.
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { Report, ReportMeta } from '@core/report'
import { getDatabase, saveSections, updateReport, type HuibaoDatabase } from '../db/database'
import { readReportForEditor, type ReportForEditor } from '../db/open-report'
import { clearUnsavedEdits, recordUnsavedEdits, recoverUnsavedEdits, type RecoveryResult } from '../db/unsaved-edits'
import { pageStorage } from '../platform/page-storage'
import { beforeWindowCloses } from '../services/before-close'
import { Autosaver, formatSaveStatus, type SaveStatus } from '../services/autosave'
import { useSessionStore } from './session'

export class EditorLoadError extends Error {
  override name = 'EditorLoadError'
}

export const useEditorStore = defineStore('editor', () => {
  const report = ref<Report | null>(null)
  const status = shallowRef<SaveStatus>({ kind: 'saved', at: Date.now() })
  const statusText = computed(() => formatSaveStatus(status.value))
  let autosaver: Autosaver | null = null
  let db: HuibaoDatabase = getDatabase()
  let detachPageListeners: (() => void) | null = null
  /** A read started before the editor's code has loaded (the route does it), used once by open(). */
  let prefetched: { id: string; db: HuibaoDatabase; read: Promise<OpenedReport | null> } | null = null

  /** Starts reading a report the editor is about to open, so the read overlaps loading the editor. */
  function prefetch(id: string, database: HuibaoDatabase = getDatabase()): void {
    const read = recoverThenRead(database, id)
    // A failure is reported by open(), which awaits the same promise.
    read.catch(() => {})
    prefetched = { id, db: database, read }
  }

  /** Forgets a prefetched read that no editor took (the navigation went elsewhere). */
  function dropPrefetch(): void {
    prefetched = null
  }

  /**
   * Loads the report with its blocks in document order, figures, review state and comments,
   * after putting back edits left unsaved when the page last went away (`recovery` says how).
   */
  async function open(id: string, database: HuibaoDatabase = getDatabase()): Promise<OpenedReport> {
    close()
    db = database
    const pending = prefetched && prefetched.id === id && prefetched.db === database ? prefetched.read : null
    prefetched = null
    const found = await (pending ?? recoverThenRead(db, id))
    if (!found || found.report.deletedAt !== null) throw new EditorLoadError('找不到这份报告，它可能已被删除或移入回收站。')
    report.value = found.report
    return found
  }

  /**
   * Starts autosaving the editor's document; `initialDoc` is what was loaded. Returns what to
   * call after every doc-changing transaction: cheap (no serialisation), and a plain function,
   * not a store action, whose wrapper would run on every keystroke.
   */
  function attach(getDoc: () => PMNode, initialDoc: PMNode, options: { debounceMs?: number; maxWaitMs?: number } = {}): () => void {
    const r = report.value
    if (!r) throw new Error('attach() before open()')
    const reportId = r.id
    autosaver?.dispose()
    autosaver = markRaw(
      new Autosaver({
        getDoc,
        initialDoc,
        ...options,
        write: async (change) => {
          // The role decides what a submitted report accepts (the leader's suggestions only);
          // the data layer refuses everything else there, and every write once approved.
          await saveSections(db, reportId, change, Date.now(), useSessionStore().role)
          if (change.order && report.value?.id === reportId) report.value.sectionOrder = change.order
        },
        onStatus: (s) => {
          status.value = s
        }
      })
    )
    status.value = autosaver.status
    detachPageListeners?.()
    // Leaving the page or hiding the window must not lose the last keystrokes.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush().catch(() => {})
    }
    // The page is going away (reload, window closed): the save started here may not commit
    // before it is gone, so what it would write is also recorded synchronously; the next open
    // puts it back (db/unsaved-edits.ts). Once the save has committed the record goes. The
    // desktop window also waits for this save before it closes (services/before-close.ts).
    const keepUnsaved = async () => {
      const change = autosaver?.pendingChange()
      const storage = change ? pageStorage() : null
      const recorded = change ? recordUnsavedEdits(storage, { reportId, at: Date.now(), by: useSessionStore().role, change }) : false
      await flush()
      if (recorded) clearUnsavedEdits(storage, reportId)
    }
    const onPageHide = () => void keepUnsaved().catch(() => {})
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('pagehide', onPageHide)
    const stopWaitingAtClose = beforeWindowCloses(keepUnsaved)
    detachPageListeners = () => {
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('pagehide', onPageHide)
      stopWaitingAtClose()
    }
    const saver = autosaver
    return () => saver.notifyChange()
  }

  /** Writes pending changes now. Rejects with a Chinese reason if the save fails. */
  async function flush(): Promise<void> {
    await autosaver?.flush()
  }

  async function updateMeta(meta: ReportMeta): Promise<void> {
    const r = report.value
    if (!r) return
    await updateReport(db, r.id, { meta }, useSessionStore().role)
    r.meta = meta
  }

  function close(): void {
    autosaver?.dispose()
    autosaver = null
    detachPageListeners?.()
    detachPageListeners = null
    report.value = null
  }

  return { report, status, statusText, prefetch, dropPrefetch, open, attach, flush, updateMeta, close }
})

export type OpenedReport = ReportForEditor & { recovery: RecoveryResult }

async function recoverThenRead(db: HuibaoDatabase, id: string): Promise<OpenedReport | null> {
  // Before the read, so the editor shows the recovered text.
  const recovery = await recoverUnsavedEdits(db, id, pageStorage())
  const found = await readReportForEditor(db, id)
  return found && { ...found, recovery }
}

/** For the export service and anything else that must see the stored state up to date. */
export async function flushEditor(): Promise<void> {
  await useEditorStore().flush()
}
