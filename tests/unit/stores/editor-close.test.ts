// @vitest-environment happy-dom
// The desktop window waits for the editor's last save before it closes (services/before-close.ts,
// registered by the editor store while a report is attached): a key typed a moment before the
// close is stored when finishBeforeClose settles, without waiting for the autosave's pause.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { EditorState } from '@tiptap/pm/state'
import { HuibaoDatabase, createReport, sectionRowsOf } from '../../../src-renderer/src/db/database'
import { useEditorStore } from '../../../src-renderer/src/stores/editor'
import { beforeWindowCloses, finishBeforeClose } from '../../../src-renderer/src/services/before-close'
import type { Report } from '@core/report'
import { docJSON, posInBlock, stateOf } from '../editor/helpers'
import { useStoreDatabase } from './store-db'

let db: HuibaoDatabase
useStoreDatabase('editor-close', (d) => (db = d))

async function stored(): Promise<{ report: Report; state: EditorState }> {
  const json = docJSON([{ id: 's1', level: 1, title: '主要做法' }])
  const report: Report = {
    id: 'r1',
    templateId: 'rule-of-law-annual',
    templateVersion: 1,
    meta: { title: '测试报告', issuingOrgans: ['测试镇人民政府'], addressee: '测试县人民政府', year: 2024, date: '2025-01-15' },
    status: 'draft',
    sectionOrder: ['preamble', 's1'],
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null
  }
  await createReport(db, report, json.content, [])
  return { report, state: stateOf(json) }
}

describe('before the desktop window closes', () => {
  it('the editor stores the key typed a moment ago, and stops waiting once the report is closed', async () => {
    const { state: initial } = await stored()
    const store = useEditorStore()
    await store.open('r1')
    let state = initial
    const notify = store.attach(() => state.doc, initial.doc, { debounceMs: 60_000, maxWaitMs: 60_000 })
    state = state.apply(state.tr.insertText('关窗前', posInBlock(state, 1)))
    notify()
    await finishBeforeClose()
    const s1 = (await sectionRowsOf(db, 'r1')).find((r) => r.id === 's1')!
    expect(JSON.stringify(s1.json)).toContain('关窗前')
    store.close()
    // Closed: nothing of this report is waited for any more.
    let ran = 0
    const off = beforeWindowCloses(async () => void ran++)
    await finishBeforeClose()
    expect(ran).toBe(1)
    off()
    await finishBeforeClose()
    expect(ran).toBe(1)
  })

  it('every task settles, a failing one does not stop the others', async () => {
    const done: string[] = []
    const offs = [
      beforeWindowCloses(async () => {
        await new Promise((r) => setTimeout(r, 20))
        done.push('slow')
      }),
      beforeWindowCloses(async () => {
        throw new Error('保存失败')
      }),
      beforeWindowCloses(async () => void done.push('quick'))
    ]
    await finishBeforeClose()
    expect(done.sort()).toEqual(['quick', 'slow'])
    for (const off of offs) off()
  })
})
