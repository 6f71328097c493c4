import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EditorState } from '@tiptap/pm/state'
import { Autosaver, IDLE_TIMEOUT_MS, formatSaveStatus, type SaveStatus } from '../../../src-renderer/src/services/autosave'
import type { SectionChange } from '../../../src-renderer/src/editor/changes'
import { docJSON, posInBlock, stateOf } from './helpers'

describe('Autosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function setup(write: (c: SectionChange) => Promise<void>, whenIdle?: (start: () => void) => () => void) {
    let state: EditorState = stateOf(docJSON([{ id: 'a', level: 1, title: '甲' }, { id: 'b', level: 1, title: '乙' }]))
    const statuses: SaveStatus[] = []
    const saver = new Autosaver({ getDoc: () => state.doc, initialDoc: state.doc, write, onStatus: (s) => statuses.push(s), debounceMs: 300, maxWaitMs: 800, whenIdle })
    const type = (block: number, text: string) => {
      state = state.apply(state.tr.insertText(text, posInBlock(state, block)))
      saver.notifyChange()
    }
    return { saver, type, statuses }
  }

  it('waits for a pause, then writes only the edited section', async () => {
    const writes: SectionChange[] = []
    const { type } = setup(async (c) => void writes.push(c))
    type(2, '一')
    await vi.advanceTimersByTimeAsync(200)
    expect(writes).toEqual([])
    await vi.advanceTimersByTimeAsync(150)
    expect(writes.map((c) => c.changed.map((b) => b.attrs.id))).toEqual([['b']])
    expect(writes[0].order).toBeNull()
  })

  it('a key before the pause ends moves the save to a pause after that key', async () => {
    const writes: SectionChange[] = []
    const { type } = setup(async (c) => void writes.push(c))
    type(2, '一')
    await vi.advanceTimersByTimeAsync(200)
    type(2, '二')
    // 300 ms after the first key, 100 ms after the second: still typing, nothing written.
    await vi.advanceTimersByTimeAsync(100)
    expect(writes).toEqual([])
    await vi.advanceTimersByTimeAsync(199)
    expect(writes).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(writes).toHaveLength(1)
    // Nothing more to save: no second write.
    await vi.advanceTimersByTimeAsync(2000)
    expect(writes).toHaveLength(1)
  })

  it('saves during continuous typing no later than the max wait', async () => {
    const writes: SectionChange[] = []
    const { type } = setup(async (c) => void writes.push(c))
    for (let i = 0; i < 10; i++) {
      type(1, '字')
      await vi.advanceTimersByTimeAsync(100)
    }
    // 1 s of typing with 100 ms gaps: the debounce alone would never fire.
    expect(writes.length).toBeGreaterThanOrEqual(1)
  })

  // The page's idle period comes at once (Node has no requestIdleCallback: the app's default
  // then starts the save at once) or, at worst, when requestIdleCallback's timeout runs out.
  const idleAtWorst = (start: () => void) => {
    const t = setTimeout(start, IDLE_TIMEOUT_MS)
    return () => clearTimeout(t)
  }
  it.each([
    ['an idle period at once', undefined],
    ['no idle period until the timeout', idleAtWorst]
  ])('keeps the README promise with the settings the app uses: every edit stored within a second (%s)', async (_name, whenIdle) => {
    // No overrides but the idle wait: the editor store attaches the Autosaver with its defaults.
    let state: EditorState = stateOf(docJSON([{ id: 'a', level: 1, title: '甲' }, { id: 'b', level: 1, title: '乙' }]))
    const typedAt: number[] = []
    const writtenAt: number[] = []
    // The write itself takes a while (IndexedDB commits to disk before it reports success).
    const saver = new Autosaver({
      getDoc: () => state.doc,
      initialDoc: state.doc,
      write: async () => {
        await new Promise((ok) => setTimeout(ok, 60))
        writtenAt.push(Date.now())
      },
      onStatus: () => {},
      whenIdle
    })
    // Bursts of typing with irregular gaps (10–700 ms), as a clerk types and pauses.
    const gaps = [40, 90, 10, 700, 120, 60, 300, 30, 450, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 650, 20]
    for (const gap of gaps) {
      state = state.apply(state.tr.insertText('字', posInBlock(state, 1)))
      typedAt.push(Date.now())
      saver.notifyChange()
      await vi.advanceTimersByTimeAsync(gap)
    }
    await vi.advanceTimersByTimeAsync(2000)
    expect(typedAt).toHaveLength(gaps.length)
    for (const t of typedAt) {
      const stored = writtenAt.find((w) => w >= t)
      expect(stored, `edit at ${t} ms never written`).toBeDefined()
      expect(stored! - t, `edit at ${t} ms`).toBeLessThanOrEqual(1000)
    }
  })

  describe('a due save starts in an idle period', () => {
    function idleQueue() {
      const waiting: Array<{ start: () => void; cancelled: boolean }> = []
      const whenIdle = (start: () => void) => {
        const entry = { start, cancelled: false }
        waiting.push(entry)
        return () => void (entry.cancelled = true)
      }
      /** The page goes idle: every save waiting for it starts. */
      const goIdle = () => {
        for (const e of waiting.splice(0)) if (!e.cancelled) e.start()
      }
      return { whenIdle, goIdle, waiting }
    }

    it('waits for the idle period, and takes the keys typed meanwhile along in one write', async () => {
      const writes: SectionChange[] = []
      const idle = idleQueue()
      const { type } = setup(async (c) => void writes.push(c), idle.whenIdle)
      type(1, '甲')
      await vi.advanceTimersByTimeAsync(350)
      // Due, but the page has not been idle yet.
      expect(writes).toEqual([])
      expect(idle.waiting).toHaveLength(1)
      type(2, '乙')
      type(2, '丙')
      // Still one save waiting, not one per key.
      expect(idle.waiting).toHaveLength(1)
      idle.goIdle()
      await vi.advanceTimersByTimeAsync(0)
      expect(writes.map((c) => c.changed.map((b) => b.attrs.id).sort())).toEqual([['a', 'b']])
      await vi.advanceTimersByTimeAsync(2000)
      idle.goIdle()
      await vi.advanceTimersByTimeAsync(0)
      expect(writes).toHaveLength(1)
    })

    it('flush() saves at once without waiting, and the waiting save does not write again', async () => {
      const writes: SectionChange[] = []
      const idle = idleQueue()
      const { saver, type } = setup(async (c) => void writes.push(c), idle.whenIdle)
      type(1, '甲')
      await vi.advanceTimersByTimeAsync(350)
      expect(idle.waiting).toHaveLength(1)
      await saver.flush()
      expect(writes).toHaveLength(1)
      expect(idle.waiting[0].cancelled).toBe(true)
      // Typing after the flush schedules a new save as usual.
      type(2, '乙')
      await vi.advanceTimersByTimeAsync(350)
      idle.goIdle()
      await vi.advanceTimersByTimeAsync(0)
      expect(writes.map((c) => c.changed.map((b) => b.attrs.id))).toEqual([['a'], ['b']])
    })

    it('closing the editor cancels a save waiting for the idle period', async () => {
      const writes: SectionChange[] = []
      const idle = idleQueue()
      const { saver, type } = setup(async (c) => void writes.push(c), idle.whenIdle)
      type(1, '甲')
      await vi.advanceTimersByTimeAsync(350)
      saver.dispose()
      idle.goIdle()
      await vi.advanceTimersByTimeAsync(0)
      expect(writes).toEqual([])
    })
  })

  it('pendingChange() is what a save now would write, including a save still in flight', async () => {
    let finish: () => void = () => {}
    const writes: SectionChange[] = []
    const { saver, type } = setup((c) => {
      writes.push(c)
      return new Promise<void>((resolve) => (finish = resolve))
    })
    expect(saver.pendingChange()).toBeNull()
    type(1, '甲')
    expect(saver.pendingChange()?.changed.map((b) => b.attrs.id)).toEqual(['a'])
    await vi.advanceTimersByTimeAsync(350)
    expect(writes).toHaveLength(1)
    // The write has not committed: the page going away now must still keep section a.
    type(2, '乙')
    expect(saver.pendingChange()?.changed.map((b) => b.attrs.id)).toEqual(['a', 'b'])
    finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(saver.pendingChange()?.changed.map((b) => b.attrs.id)).toEqual(['b'])
    await vi.advanceTimersByTimeAsync(350)
    finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(saver.pendingChange()).toBeNull()
  })

  it('flush() writes pending changes immediately', async () => {
    const writes: SectionChange[] = []
    const { saver, type } = setup(async (c) => void writes.push(c))
    type(1, '甲')
    await saver.flush()
    expect(writes).toHaveLength(1)
    await saver.flush()
    expect(writes).toHaveLength(1)
  })

  it('on failure shows the reason, keeps the change and retries with backoff', async () => {
    let fail = true
    const writes: SectionChange[] = []
    const { type, statuses, saver } = setup(async (c) => {
      if (fail) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
      writes.push(c)
    })
    type(1, '甲')
    await vi.advanceTimersByTimeAsync(400)
    const last = statuses[statuses.length - 1]
    expect(last.kind).toBe('error')
    expect(formatSaveStatus(last)).toBe('保存失败：磁盘空间不足。内容仍保留在编辑器中，将自动重试。')
    // Typing meanwhile is not lost and does not bypass the backoff.
    type(2, '乙')
    fail = false
    await vi.advanceTimersByTimeAsync(1100)
    expect(writes).toHaveLength(1)
    expect(writes[0].changed.map((b) => b.attrs.id).sort()).toEqual(['a', 'b'])
    expect(saver.status.kind).toBe('saved')
    expect(formatSaveStatus(saver.status)).toMatch(/^已保存 \d{2}:\d{2}$/)
  })

  it('flush() rejects with the reason when the save fails', async () => {
    const { saver, type } = setup(async () => {
      throw new Error('broken')
    })
    type(1, '甲')
    await expect(saver.flush()).rejects.toThrow('无法写入本地数据库')
    saver.dispose()
  })
})
