// The "moved to the recycle bin — 撤销" message. A real <button>, so it is reachable by
// keyboard and by role/name; the message stays long enough to read and react.
import { h } from 'vue'
import { ElMessage } from 'element-plus'

export function showUndoMessage(text: string, undo: () => Promise<void>, duration = 10_000): void {
  let handle: { close(): void } | null = null
  let used = false
  const onClick = async (): Promise<void> => {
    if (used) return
    used = true
    handle?.close()
    await undo()
  }
  handle = ElMessage({
    type: 'info',
    duration,
    showClose: true,
    // At the bottom, snackbar-style: it covers neither the app bar nor the page's buttons.
    placement: 'bottom',
    offset: 32,
    message: h('span', { class: 'hb-undo-message' }, [
      h('span', text),
      h('button', { type: 'button', class: 'hb-undo-message__button', onClick }, '撤销')
    ])
  })
}
