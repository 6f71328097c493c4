// In-page measuring code, passed to page.evaluate (so it must be self-contained).

export interface KeyRecord {
  /** keydown → the first requestAnimationFrame callback after the input event (ms). */
  frame?: number
  /** keydown → a task queued from that rAF callback: the frame's style, layout and paint done (ms). */
  paint?: number
}

/**
 * Installs the keystroke probe: performance.now() at keydown (capture phase, before the
 * editor's own handlers); after the matching input event, the next rAF callback closes
 * "frame" (all handlers, microtasks and Vue updates have run by then) and a MessageChannel
 * task posted from that callback closes "paint" (the frame has been laid out and painted).
 */
export function installKeystrokeProbe(): void {
  const w = window as unknown as { __benchKeys: KeyRecord[] }
  const records: Array<KeyRecord & { start: number }> = []
  w.__benchKeys = records
  let pending: (KeyRecord & { start: number }) | null = null
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return
      pending = { start: performance.now() }
      records.push(pending)
    },
    true
  )
  document.addEventListener(
    'input',
    () => {
      const rec = pending
      if (!rec) return
      pending = null
      requestAnimationFrame(() => {
        rec.frame = performance.now() - rec.start
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          rec.paint = performance.now() - rec.start
          channel.port1.close()
        }
        channel.port2.postMessage(0)
      })
    },
    true
  )
}

/** Waits two frames so the last key's record is closed, then returns all records. */
export async function collectKeystrokes(): Promise<KeyRecord[]> {
  await new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok())))
  await new Promise<void>((ok) => setTimeout(ok, 50))
  const w = window as unknown as { __benchKeys: Array<KeyRecord & { start: number }> }
  return w.__benchKeys.map(({ frame, paint }) => ({ frame, paint }))
}

/**
 * Polls each frame until the labelled contenteditable is editable and contains `needle`, then
 * waits for that frame to be laid out and painted (a task posted from the rAF callback runs
 * after the frame's rendering): the report is on screen, not just in the DOM. Returns
 * performance.now() at that moment (ms since this document's navigation start), or after
 * `timeoutMs` -1 (no such element) / -2 (element, but without the text).
 */
export function waitForEditable(args: { label: string; needle: string; timeoutMs: number }): Promise<number> {
  const started = performance.now()
  return new Promise((ok) => {
    const check = () => {
      const el = document.querySelector(`[contenteditable="true"][aria-label="${args.label}"]`)
      if (el && (el.textContent ?? '').includes(args.needle)) {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          channel.port1.close()
          ok(performance.now())
        }
        channel.port2.postMessage(0)
        return
      }
      if (performance.now() - started > args.timeoutMs) return ok(el ? -2 : -1)
      requestAnimationFrame(check)
    }
    // From a frame callback only, so the posted task always follows that frame's paint.
    requestAnimationFrame(check)
  })
}

/**
 * Puts the caret in the middle of the middle paragraph's text (never inside a chip, so
 * typing cannot replace a selected node), scrolled into view, with the editor focused; with
 * `shift`, that many paragraphs after (or before) the middle one. Returns false when the body has
 * no such paragraph.
 */
export function placeCaretMidway(where: string | { label: string; shift: number }): boolean {
  const { label, shift } = typeof where === 'string' ? { label: where, shift: 0 } : where
  const body = document.querySelector<HTMLElement>(`[contenteditable="true"][aria-label="${label}"]`)
  if (!body) return false
  const candidates: Text[] = []
  for (const p of Array.from(body.querySelectorAll('p'))) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text
      if (text.data.length >= 10 && !text.parentElement?.closest('[contenteditable="false"]')) {
        candidates.push(text)
        break
      }
    }
  }
  const target = candidates[Math.min(candidates.length - 1, Math.max(0, Math.floor(candidates.length / 2) + shift))]
  if (!target) return false
  target.parentElement?.scrollIntoView({ block: 'center' })
  body.focus({ preventScroll: true })
  const range = document.createRange()
  range.setStart(target, Math.floor(target.data.length / 2))
  range.collapse(true)
  const selection = window.getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
  return true
}
