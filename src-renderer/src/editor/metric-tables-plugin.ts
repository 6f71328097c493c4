// A section's metric tables (政府信息公开 statistics) shown read-only in the editor, right after
// the section's text. A widget decoration keyed by the section's templateKey: nothing enters the
// document (no schema change, nothing saved), and the table body follows the metrics store on its
// own (like a chip's NodeView), so a value change never dispatches a transaction. The decoration
// set is rebuilt only when the set of sections changes; typing just maps it.
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { AttrStep, ReplaceAroundStep } from '@tiptap/pm/transform'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { ResolvedTable } from '@core/metric-tables'
import type { MetricTableDefinition } from '@core/template'
import type { Track } from './live'
import { blockChange } from './block-changes'
import { blockLocation, forEachBlock } from './doc'

export interface MetricTableSource {
  /** The tables printed with a template section, in template order (empty for most). */
  tablesFor(templateKey: string): readonly MetricTableDefinition[]
  /** The table with the current values and computed totals. Reads reactive state, so the widget re-renders when a value changes. */
  resolve(table: MetricTableDefinition): ResolvedTable | null
  /** Opens the existing fill-in dialog for the table. */
  fill(table: MetricTableDefinition): void
  /** Re-runs the table body when the values it read change (Vue's watchEffect in the app). */
  track: Track
}

interface TablesState {
  decorations: DecorationSet
  /** How many times the set was built (tests check that typing does not rebuild). */
  builds: number
}

export const metricTablesKey = new PluginKey<TablesState>('sectionMetricTables')

interface WidgetSpec {
  templateKey: string
  sectionId: string
}

function buildDecorations(doc: PMNode, source: MetricTableSource): DecorationSet {
  const decorations: Decoration[] = []
  forEachBlock(doc, (node, offset) => {
    if (node.type.name !== 'section') return
    const key = node.attrs.templateKey as string | null
    if (!key) return
    const tables = source.tablesFor(key)
    if (tables.length === 0) return
    const spec: WidgetSpec = { templateKey: key, sectionId: node.attrs.id as string }
    // At the end of the section's content, after its last paragraph; after the guidance hint of an empty section.
    decorations.push(
      Decoration.widget(offset + node.nodeSize - 1, (view) => tablesWidget(view, tables, source), {
        side: 10,
        ignoreSelection: true,
        stopEvent: () => true,
        key: `mt:${spec.sectionId}:${key}`,
        destroy: (dom) => (dom as HTMLElement & { hbStop?: () => void }).hbStop?.(),
        ...spec
      })
    )
  })
  return DecorationSet.create(doc, decorations)
}

/**
 * Whether the mapped widgets are what a rebuild would give: the same blocks (a section added,
 * removed or re-attributed is a 'structure' change), no structural steps, and in every section
 * the change touched, a widget exactly when its key has
 * tables, at the end of its content, for that section. Sections away from the change keep their
 * widget where it was, so a keystroke checks only the section being typed in.
 */
function stillValid(tr: Transaction, mapped: DecorationSet, source: MetricTableSource): boolean {
  if (tr.steps.some((s) => s instanceof AttrStep || s instanceof ReplaceAroundStep)) return false
  const change = blockChange(tr)
  if (change === 'none') return true
  if (change === 'structure') return false
  for (let i = change.first; i <= change.last; i++) {
    const { node, pos: offset } = blockLocation(tr.doc, i)
    const end = offset + node.nodeSize - 1
    const key = node.type.name === 'section' ? (node.attrs.templateKey as string | null) : null
    const expected = key !== null && source.tablesFor(key).length > 0
    const inside = mapped.find(offset, offset + node.nodeSize)
    if (inside.length !== (expected ? 1 : 0)) return false
    if (expected) {
      const spec = inside[0].spec as WidgetSpec
      if (inside[0].from !== end || spec.templateKey !== key || spec.sectionId !== node.attrs.id) return false
    }
  }
  return true
}

export function metricTablesPlugin(source: MetricTableSource): Plugin<TablesState> {
  return new Plugin<TablesState>({
    key: metricTablesKey,
    state: {
      init: (_c, state) => ({ decorations: buildDecorations(state.doc, source), builds: 1 }),
      apply: (tr, prev) => {
        if (!tr.docChanged) return prev
        const mapped = prev.decorations.map(tr.mapping, tr.doc)
        if (stillValid(tr, mapped, source)) return { ...prev, decorations: mapped }
        return { decorations: buildDecorations(tr.doc, source), builds: prev.builds + 1 }
      }
    },
    props: {
      decorations: (state) => metricTablesKey.getState(state)?.decorations
    }
  })
}

// ---- The widget ------------------------------------------------------------------------------

/** The part of EditorView the widget uses (tests pass a stand-in). */
export type ComposingView = Pick<EditorView, 'composing' | 'dom'>

/**
 * The widget's DOM: one figure per table. Its content follows `source.resolve` through a Vue
 * effect; while an IME composition is running the update waits for compositionend, so the
 * editor's DOM never changes under the composition.
 */
export function tablesWidget(view: ComposingView, tables: readonly MetricTableDefinition[], source: MetricTableSource): HTMLElement {
  const root = document.createElement('div') as HTMLElement & { hbStop?: () => void }
  root.className = 'section-metric-tables'
  root.setAttribute('contenteditable', 'false')
  const figures = tables.map((table) => {
    const figure = document.createElement('figure')
    figure.className = 'editor-metric-table'
    figure.setAttribute('role', 'group')
    figure.setAttribute('aria-label', `统计表：${table.title}`)
    root.appendChild(figure)
    return { table, figure }
  })
  let pending = false
  let latest: Array<ResolvedTable | null> = []
  const write = () => {
    pending = false
    figures.forEach(({ table, figure }, i) => renderFigure(figure, table, latest[i], source))
  }
  const stop = source.track(() => {
    latest = figures.map(({ table }) => source.resolve(table))
    if (view.composing) {
      if (!pending) view.dom.addEventListener('compositionend', write, { once: true })
      pending = true
      return
    }
    write()
  })
  root.hbStop = () => {
    stop()
    view.dom.removeEventListener('compositionend', write)
  }
  return root
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  if (className) e.className = className
  if (text !== undefined) e.textContent = text
  return e
}

function renderFigure(figure: HTMLElement, table: MetricTableDefinition, resolved: ResolvedTable | null, source: MetricTableSource): void {
  figure.replaceChildren()
  const caption = el('figcaption', 'editor-metric-table__caption', table.title)
  figure.appendChild(caption)
  if (!resolved) return
  if (resolved.unitNote) figure.appendChild(el('div', 'editor-metric-table__unit', resolved.unitNote))
  const t = el('table', 'editor-metric-table__table')
  t.setAttribute('aria-label', table.title)
  const colgroup = el('colgroup')
  for (const f of resolved.columnFractions) {
    const col = el('col')
    col.style.width = `${(f * 100).toFixed(2)}%`
    colgroup.appendChild(col)
  }
  t.appendChild(colgroup)
  const thead = el('thead')
  for (const row of resolved.header) {
    const tr = el('tr')
    for (const h of row) {
      const th = el('th', undefined, h.text)
      th.setAttribute('scope', 'col')
      if (h.colSpan > 1) th.colSpan = h.colSpan
      if (h.rowSpan > 1) th.rowSpan = h.rowSpan
      tr.appendChild(th)
    }
    thead.appendChild(tr)
  }
  t.appendChild(thead)
  const tbody = el('tbody')
  for (const row of resolved.rows) {
    const tr = el('tr', row.heading ? 'editor-metric-table__heading' : undefined)
    if (resolved.rowHeader) {
      const th = el('th', undefined, row.label)
      th.setAttribute('scope', 'row')
      th.style.paddingLeft = `${6 + row.indent * 12}px`
      tr.appendChild(th)
    }
    if (row.heading) {
      for (let i = 0; i < table.columns.length; i++) tr.appendChild(el('td', 'editor-metric-table__blank'))
    } else {
      for (const cell of row.cells) {
        const td = el('td', `editor-metric-table__num${cell.computed ? ' editor-metric-table__computed' : ''}${cell.empty ? ' editor-metric-table__empty' : ''}`, cell.text)
        td.dataset.metricId = cell.metricId
        if (cell.problem) td.title = cell.problem
        else if (cell.computed) td.title = '自动计算'
        tr.appendChild(td)
      }
    }
    tbody.appendChild(tr)
  }
  t.appendChild(tbody)
  const scroll = el('div', 'editor-metric-table__scroll')
  scroll.appendChild(t)
  figure.appendChild(scroll)
  const button = el('button', 'editor-metric-table__fill', '填写表格')
  button.type = 'button'
  button.setAttribute('aria-label', `填写表格：${table.title}`)
  button.addEventListener('click', () => source.fill(table))
  figure.appendChild(button)
}
