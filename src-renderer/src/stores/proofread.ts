// The 检查 panel's state, shared by the editor, the page view and the review bar: the last
// results, whether the panel is open, the pending "导出前检查" question and a 定位 request
// carried from the page view to the editor.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { mustFix, type CheckItem } from '@core/checks'
import { proofreadReport } from '../services/proofread'
import { useEditorStore } from './editor'

export type GateResult = { ok: true } | { ok: false; message: string }

export const useProofreadStore = defineStore('proofread', () => {
  const reportId = ref<string | null>(null)
  const items = shallowRef<CheckItem[]>([])
  const open = ref(false)
  const running = ref(false)
  const error = ref('')
  /** The export question: the 必须修改 items and how to answer. */
  const exportAsk = shallowRef<{ items: CheckItem[]; answer: (go: boolean) => void } | null>(null)
  /** 定位 asked for where there is no editor (page view): the editor picks it up when it opens. */
  const locateRequest = shallowRef<CheckItem | null>(null)

  async function run(id: string): Promise<CheckItem[]> {
    running.value = true
    error.value = ''
    try {
      // What is checked is what is stored: the editor's pending keystrokes first.
      const editor = useEditorStore()
      if (editor.report?.id === id) await editor.flush()
      const found = await proofreadReport(id)
      reportId.value = id
      items.value = found
      return found
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      throw e
    } finally {
      running.value = false
    }
  }

  async function show(id: string): Promise<void> {
    open.value = true
    await run(id).catch(() => undefined)
  }

  /**
   * Before 送审 or an export. Exports with 必须修改 items ask once (the answer comes from the
   * "导出前检查" dialog); 送审 with them is refused and the panel opens on them.
   */
  async function gate(id: string, action: 'export' | 'submit'): Promise<GateResult> {
    let found: CheckItem[]
    try {
      found = await run(id)
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) }
    }
    const must = mustFix(found)
    if (must.length === 0) return { ok: true }
    if (action === 'submit') {
      open.value = true
      return { ok: false, message: `还有${must.length}处必须修改的问题，改完后才能送审（见“检查结果”）。` }
    }
    const go = await new Promise<boolean>((resolve) => {
      exportAsk.value?.answer(false)
      exportAsk.value = { items: must, answer: resolve }
    })
    exportAsk.value = null
    if (!go) open.value = true
    return go ? { ok: true } : { ok: false, message: '' }
  }

  function answerExport(go: boolean): void {
    exportAsk.value?.answer(go)
    exportAsk.value = null
  }

  function reset(id: string): void {
    if (reportId.value === id) return
    reportId.value = id
    items.value = []
    open.value = false
    error.value = ''
  }

  return { reportId, items, open, running, error, exportAsk, locateRequest, run, show, gate, answerExport, reset }
})
