// The metric chip's editor behaviour. The node holds only the metric id; the NodeView shows the
// live value and reacts to the metrics store on its own, so changing a value updates every chip
// without a transaction (the document, undo history and autosave never see it).
import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorView, NodeView } from '@tiptap/pm/view'
import type { ChipDisplay } from '@core/metrics'
import { MetricNodeBase } from './schema'
import type { Track } from './live'

export type { ChipDisplay }

export interface MetricNodeOptions {
  /** Reads live state: under `track` the chip re-renders when the value changes. */
  display: (metricId: string, show?: 'value' | 'yoy') => ChipDisplay
  track: Track
}

class MetricChipView implements NodeView {
  dom: HTMLElement
  private stop: () => void
  private pending: (() => void) | null = null

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
    private readonly display: (metricId: string, show?: 'value' | 'yoy') => ChipDisplay,
    track: Track
  ) {
    this.dom = document.createElement('span')
    this.dom.className = 'metric-chip'
    this.dom.setAttribute('contenteditable', 'false')
    this.dom.setAttribute('data-metric-id', node.attrs.metricId)
    if (node.attrs.show === 'yoy') this.dom.classList.add('metric-chip--yoy')
    this.stop = track(() => {
      const shown = this.display(this.node.attrs.metricId, this.node.attrs.show)
      this.apply(shown)
    })
  }

  private apply(shown: ChipDisplay): void {
    const write = () => {
      this.dom.textContent = shown.text
      this.dom.classList.toggle('metric-chip--empty', shown.empty)
      this.dom.title = shown.empty ? `指标“${shown.label}”尚未填写` : `指标：${shown.label}`
    }
    // Never touch the editor DOM mid-composition (IME): apply once it ends.
    if (this.view.composing) {
      if (!this.pending) this.view.dom.addEventListener('compositionend', () => this.flushPending(), { once: true })
      this.pending = write
      return
    }
    write()
  }

  private flushPending(): void {
    const write = this.pending
    this.pending = null
    write?.()
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type || node.attrs.metricId !== this.node.attrs.metricId || node.attrs.show !== this.node.attrs.show) return false
    this.node = node
    return true
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode')
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode')
  }

  // Our own text updates are not user edits: ProseMirror must not re-read them.
  ignoreMutation(): boolean {
    return true
  }

  stopEvent(): boolean {
    return false
  }

  destroy(): void {
    this.stop()
  }
}

export const MetricNode = MetricNodeBase.extend<MetricNodeOptions>({
  addOptions() {
    return {
      display: (metricId: string) => ({ text: `【未填：${metricId}】`, empty: true, label: metricId }),
      // Without a tracker the chip shows its value once (tests, static rendering).
      track: (effect: () => void) => (effect(), () => {})
    }
  },
  addNodeView() {
    const { display, track } = this.options
    return ({ node, view }) => new MetricChipView(node, view, display, track)
  },
  renderText({ node }) {
    return this.options.display(node.attrs.metricId, node.attrs.show).text
  },
  addKeyboardShortcuts() {
    // One Backspace/Delete removes a whole chip, whatever the browser does with
    // contenteditable=false islands.
    const remove = (backward: boolean) => () => {
      const { state, view } = this.editor
      const { selection } = state
      if (!selection.empty) return false
      const $pos = selection.$from
      const node = backward ? $pos.nodeBefore : $pos.nodeAfter
      if (!node || node.type.name !== 'metric') return false
      const from = backward ? $pos.pos - node.nodeSize : $pos.pos
      view.dispatch(state.tr.delete(from, from + node.nodeSize).scrollIntoView())
      return true
    }
    return { Backspace: remove(true), Delete: remove(false) }
  }
})
