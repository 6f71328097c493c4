// Where a keystroke's main-thread time goes, the app beside the plain ProseMirror page (issue 11):
// a Chromium trace of a burst of keys in each, summed per kind of work (script, style recalc and
// how many elements it touched, layout, pre-paint, paint, layerize, commit…), plus a JS CPU
// profile of the app grouped by function and by package. A diagnostic, not a bench row:
//
//   npm run build && node --import tsx bench/browser/trace-typing.ts
//   TRACE_PAGES=60,200 TRACE_MODES=ascii,ime,suggest TRACE_RENDERER=/path/to/renderer (default out/renderer)
//   TRACE_INIT='window.__flag = true' runs a script in every page before the app (for ablation builds)
//
// For readable function names build the renderer unminified first:
//   npx vite build --config src-renderer/vite.config.ts --minify false --outDir /tmp/renderer-dev
import type { Page } from 'playwright-core'
import { launchBrowser, serveRenderer, RENDERER_DIR } from '../../tests/e2e/harness'
import { blocksFromJSON, blocksFromResolved, lastSectionNeedle, type PlainBlock } from '../lib/text'
import { loadLargeReportOf, resolverFor } from '../lib/pieces'
import { placeCaretMidway, waitForEditable } from './probe'
import { buildBenchBundles } from './bundle'
import { burst, type Mode } from './speed'

const BODY = '报告正文'
const KEYS = Number(process.env.TRACE_KEYS ?? 40)
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  tdur?: number
  pid: number
  tid: number
  args?: Record<string, unknown> & { data?: Record<string, unknown>; elementCount?: number; beginData?: Record<string, unknown> }
}

async function trace(page: Page, mode: Mode, beforeBurst?: () => Promise<void>): Promise<{ events: TraceEvent[]; keys: number; profile: CpuProfile | null }> {
  const cdp = await page.context().newCDPSession(page)
  if (!(await page.evaluate(placeCaretMidway, BODY))) throw new Error('no paragraph to type into')
  await sleep(300)
  await burst(page, cdp, mode, KEYS) // warm-up
  await sleep(1500)
  await beforeBurst?.()
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])))
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()))
  await cdp.send('Tracing.start', {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'v8.execute', 'toplevel', ...(process.env.TRACE_INVALIDATIONS === '1' ? ['disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-devtools.timeline.stack'] : []), ...(process.env.TRACE_JS === '0' ? [] : ['disabled-by-default-v8.cpu_profiler'])].join(','),
    transferMode: 'ReportEvents'
  } as never)
  const js = process.env.TRACE_JS !== '0'
  if (js) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
  }
  const keys = await burst(page, cdp, mode, KEYS)
  await sleep(1200)
  const profile = js ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile : null
  await cdp.send('Tracing.end')
  await done
  await cdp.detach()
  return { events, keys, profile }
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>
  samples: number[]
  timeDeltas: number[]
}

/** Sums complete events on the renderer main thread by name (top-level tasks and their phases). */
function summarize(events: TraceEvent[], keys: number): string[] {
  // The traced tab's renderer: of the renderer main threads, the one that dispatched the keys.
  const mains = events.filter((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain')
  const dispatches = (m: TraceEvent) => events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'EventDispatch').length
  const main = mains.sort((a, b) => dispatches(b) - dispatches(a))[0]
  if (!main) return ['(no renderer main thread in the trace)']
  // TRACE_TDUR=1: the thread's CPU time (tdur) instead of wall time, less moved by other
  // processes taking the core away on a loaded machine.
  const cpu = process.env.TRACE_TDUR === '1'
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .map((e) => (cpu && typeof e.tdur === 'number' ? { ...e, dur: e.tdur } : e))
  const byName = new Map<string, { ms: number; n: number; elements: number }>()
  for (const e of own) {
    const s = byName.get(e.name) ?? { ms: 0, n: 0, elements: 0 }
    s.ms += e.dur! / 1000
    s.n++
    const count = (e.args?.elementCount as number | undefined) ?? (e.args?.data?.elementCount as number | undefined)
    if (typeof count === 'number') s.elements += count
    byName.set(e.name, s)
  }
  const wanted = [
    'RunTask',
    'EventDispatch',
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
    'FireIdleCallback',
    'V8.GC_SCAVENGER',
    'MinorGC',
    'MajorGC',
    'UpdateLayoutTree',
    'Layout',
    'UpdateLayer',
    'PrePaint',
    'Paint',
    'PaintImage',
    'Layerize',
    'Commit',
    'HitTest',
    'IntersectionObserverController::computeIntersections',
    'ParseHTML',
    'ScheduleStyleRecalculation',
    'InvalidateLayout'
  ]
  const lines: string[] = []
  for (const name of wanted) {
    const s = byName.get(name)
    if (!s) continue
    lines.push(`  ${name.padEnd(52)} ${(s.ms / keys).toFixed(2).padStart(7)} ms/key  (${s.n} events${s.elements ? `, ${Math.round(s.elements / Math.max(1, s.n))} elements each` : ''})`)
  }
  const types = new Map<string, number>()
  for (const e of own) if (e.name === 'EventDispatch') { const t = String(e.args?.data?.type ?? '?'); types.set(t, (types.get(t) ?? 0) + e.dur! / 1000) }
  lines.push(`  EventDispatch by type: ${[...types].sort((a, b) => b[1] - a[1]).map(([t, ms]) => `${t} ${(ms / keys).toFixed(2)}`).join(', ')}`)
  // What runs inside each kind of event dispatch (nested trace events, by name).
  for (const type of ['keydown', 'keypress', 'textInput']) {
    const outer = own.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === type)
    const inner = new Map<string, number>()
    for (const o of outer) {
      for (const e of own) {
        if (e === o || e.ts < o.ts || e.ts + e.dur! > o.ts + o.dur!) continue
        inner.set(e.name, (inner.get(e.name) ?? 0) + e.dur! / 1000)
      }
    }
    lines.push(`  inside ${type}: ${[...inner].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, ms]) => `${t} ${(ms / keys).toFixed(2)}`).join(', ')}`)
  }
  // What runs inside top-level script callbacks (the MutationObserver → ProseMirror dispatch path).
  {
    const outer = own.filter((e) => e.name === 'FunctionCall')
    const inner = new Map<string, number>()
    for (const o of outer) {
      for (const e of own) {
        if (e === o || e.ts < o.ts || e.ts + e.dur! > o.ts + o.dur! || e.name === 'FunctionCall') continue
        inner.set(e.name, (inner.get(e.name) ?? 0) + e.dur! / 1000)
      }
    }
    lines.push(`  inside FunctionCall: ${[...inner].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([t, ms]) => `${t} ${(ms / keys).toFixed(2)}`).join(', ')}`)
  }
  if (process.env.TRACE_PAINT === '1') {
    const paints = new Map<string, { n: number; ms: number }>()
    for (const e of own) {
      if (e.name !== 'Paint') continue
      const d = e.args?.data as { clip?: number[]; nodeId?: number; layerId?: number } | undefined
      const c = d?.clip ?? []
      const w = c.length >= 8 ? Math.round(Math.max(c[0], c[2], c[4], c[6]) - Math.min(c[0], c[2], c[4], c[6])) : 0
      const h = c.length >= 8 ? Math.round(Math.max(c[1], c[3], c[5], c[7]) - Math.min(c[1], c[3], c[5], c[7])) : 0
      const k = `layer ${d?.layerId ?? '?'} node ${d?.nodeId ?? '?'} ${w}×${h}`
      const s = paints.get(k) ?? { n: 0, ms: 0 }
      s.n++
      s.ms += e.dur! / 1000
      paints.set(k, s)
    }
    lines.push('  paints:', ...[...paints].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12).map(([k, v]) => `    ${k}: ${v.n}× ${(v.ms / keys).toFixed(2)} ms/key`))
  }
  if (process.env.TRACE_INVALIDATIONS === '1') {
    // What marks layout or style dirty during the burst: reason, node and the JS frame that did it.
    const inv = new Map<string, number>()
    for (const e of events) {
      if (e.pid !== main.pid || e.tid !== main.tid) continue
      if (!/Invalidat|ScheduleStyleRecalculation/.test(e.name)) continue
      const d = (e.args?.data ?? {}) as { reason?: string; nodeName?: string; stackTrace?: Array<{ functionName: string; url: string; lineNumber: number }>; invalidationList?: unknown[] }
      const st = (d.stackTrace ?? []).slice(0, 3).map((f) => `${f.functionName || '(anon)'}@${f.url.split('/').pop()}:${f.lineNumber}`).join(' < ')
      const k = `${e.name} ${d.reason ?? ''} ${d.nodeName ?? ''} ${st}`
      inv.set(k, (inv.get(k) ?? 0) + 1)
    }
    lines.push('  invalidations:', ...[...inv].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, n]) => `    ${(n / keys).toFixed(2)}/key ${k.slice(0, 260)}`))
  }
  // Style recalc: the biggest ones, to see whether a key recalculates the whole document.
  const recalcs = own.filter((e) => e.name === 'UpdateLayoutTree').map((e) => (e.args?.elementCount as number | undefined) ?? 0)
  if (recalcs.length) lines.push(`  style recalc element counts (max/median): ${Math.max(...recalcs)} / ${recalcs.sort((a, b) => a - b)[Math.floor(recalcs.length / 2)]}`)
  const layouts = own.filter((e) => e.name === 'Layout').map((e) => Number(((e.args?.beginData as { dirtyObjects?: number } | undefined)?.dirtyObjects ?? 0)))
  if (layouts.length) lines.push(`  layout dirty objects (max/median): ${Math.max(...layouts)} / ${layouts.sort((a, b) => a - b)[Math.floor(layouts.length / 2)]}`)
  if (process.env.TRACE_INVALIDATIONS === '1') {
    // Which nodes invalidated layout and why (the devtools invalidation tracking).
    const inv = new Map<string, number>()
    for (const e of events.filter((x) => x.pid === main.pid && x.name === 'LayoutInvalidationTracking')) {
      const d = e.args?.data as { nodeName?: string; reason?: string } | undefined
      const k = `${d?.reason ?? '?'}: ${d?.nodeName ?? '?'}`
      inv.set(k, (inv.get(k) ?? 0) + 1)
    }
    for (const [k, n] of [...inv].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  layout invalidation ${(n / keys).toFixed(2)}/key  ${k}`)
  }
  if (process.env.TRACE_LAYOUT_ARGS === '1') {
    const sample = own.filter((e) => e.name === 'Layout').slice(5, 7)
    for (const e of sample) lines.push(`  layout args: ${JSON.stringify(e.args).slice(0, 1500)}`)
  }
  // TRACE_ARGS=Layerize,Commit: the arguments of two events of each named kind, and every event
  // nested inside them (what the phase did), on the renderer's main thread.
  for (const name of (process.env.TRACE_ARGS ?? '').split(',').filter(Boolean)) {
    for (const e of own.filter((x) => x.name === name).slice(10, 12)) {
      const inner = events.filter((x) => x.pid === main.pid && x.tid === main.tid && x !== e && x.ts >= e.ts && x.ts <= e.ts + (e.dur ?? 0))
      lines.push(`  ${name} ${((e.dur ?? 0) / 1000).toFixed(2)} ms args ${JSON.stringify(e.args).slice(0, 600)}`)
      for (const x of inner.slice(0, 30)) lines.push(`    ${x.name} ${x.ph} ${((x.dur ?? 0) / 1000).toFixed(2)} ${JSON.stringify(x.args ?? {}).slice(0, 300)}`)
    }
  }
  return lines
}

function profileSummary(profile: CpuProfile, keys: number): string[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<string, number>()
  const byUrl = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0
    const frame = nodes.get(id)?.callFrame
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return
    const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + us)
    const file = frame.url ? frame.url.split('/').pop()! : frame.functionName
    byUrl.set(file, (byUrl.get(file) ?? 0) + us)
    // Inclusive time per function (each function counted once per sample).
    const seen = new Set<string>()
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = nodes.get(n)!.callFrame
      const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`
      if (seen.has(k)) continue
      seen.add(k)
      total.set(k, (total.get(k) ?? 0) + us)
    }
  })
  // Which Vue components re-rendered: the function called by renderComponentRoot, per sample.
  const renders = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0
    let child: number | undefined
    for (let n: number | undefined = id; n !== undefined; child = n, n = parent.get(n)) {
      if (nodes.get(n)!.callFrame.functionName === 'renderComponentRoot' && child !== undefined) {
        const f = nodes.get(child)!.callFrame
        const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`
        renders.set(k, (renders.get(k) ?? 0) + us)
        break
      }
    }
  })
  const fmt = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `    ${(us / 1000 / keys).toFixed(3).padStart(7)} ms/key  ${k}`)
  return ['  JS self time by function:', ...fmt(self, 25), '  JS inclusive time by function:', ...fmt(total, Number(process.env.TRACE_TOP ?? 45)), '  JS self time by file:', ...fmt(byUrl, 10), '  Vue renders (render function):', ...fmt(renders, 10)]
}

/**
 * TRACE_WRAP=1: every event listener, rAF, idle and timer callback and MutationObserver callback
 * is timed in the page and grouped by where it was registered (first app stack frame).
 */
function wrapCallbacks(): void {
  const w = window as unknown as { __cb: Map<string, { ms: number; n: number }> }
  w.__cb = new Map()
  const where = () => {
    const lines = (new Error().stack ?? '').split('\n').slice(3, 6).map((l) => l.trim().replace(/https?:\/\/[^/]+\/assets\//, ''))
    return lines.join(' < ')
  }
  const timed = <F extends (...a: never[]) => unknown>(label: string, fn: F): F =>
    function (this: unknown, ...args: never[]) {
      const t = performance.now()
      try {
        return fn.apply(this, args)
      } finally {
        const s = w.__cb.get(label) ?? { ms: 0, n: 0 }
        s.ms += performance.now() - t
        s.n++
        w.__cb.set(label, s)
      }
    } as F
  const add = EventTarget.prototype.addEventListener
  const remove = EventTarget.prototype.removeEventListener
  const wrapped = new WeakMap<object, Map<string, EventListener>>()
  EventTarget.prototype.addEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (!listener) return add.call(this, type, listener, options)
    const skip = (window as unknown as { __skip?: string }).__skip
    if (skip && new RegExp(skip).test(`${type} ${where()}`)) return
    const target = this instanceof Element ? this.tagName.toLowerCase() + (this.className && typeof this.className === 'string' ? '.' + this.className.split(' ')[0] : '') : this === window ? 'window' : this === document ? 'document' : 'other'
    const label = `${type} on ${target}: ${where()}`
    const fn = typeof listener === 'function' ? listener : (e: Event) => listener.handleEvent(e)
    const key = `${type}|${String(typeof options === 'boolean' ? options : options?.capture ?? false)}`
    let m = wrapped.get(listener)
    if (!m) wrapped.set(listener, (m = new Map()))
    const t = m.get(key) ?? timed(label, fn as never)
    m.set(key, t)
    return add.call(this, type, t, options)
  }
  EventTarget.prototype.removeEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const key = `${type}|${String(typeof options === 'boolean' ? options : options?.capture ?? false)}`
    const t = listener ? wrapped.get(listener)?.get(key) : undefined
    return remove.call(this, type, t ?? listener, options)
  }
  const raf = window.requestAnimationFrame.bind(window)
  window.requestAnimationFrame = (cb) => raf(timed(`rAF: ${where()}`, cb))
  const ric = window.requestIdleCallback.bind(window)
  window.requestIdleCallback = (cb, o) => ric(timed(`idle: ${where()}`, cb), o)
  const st = window.setTimeout.bind(window)
  window.setTimeout = ((cb: TimerHandler, ms?: number, ...a: unknown[]) => (typeof cb === 'function' ? st(timed(`timeout ${ms ?? 0}: ${where()}`, cb as never), ms, ...a) : st(cb, ms, ...a))) as typeof setTimeout
  const MO = window.MutationObserver
  window.MutationObserver = class extends MO {
    constructor(cb: MutationCallback) {
      super(timed(`mutation observer: ${where()}`, cb))
    }
  }
}

/** TRACE_MUTATIONS=1: every DOM mutation during the burst, grouped by kind and target. */
function watchMutations(): void {
  const w = window as unknown as { __muts: Map<string, number> }
  w.__muts = new Map()
  ;(window as unknown as { __classWriters?: Map<string, number> }).__classWriters = new Map()
  const name = (n: Node | null): string => {
    if (!n) return '?'
    if (n.nodeType === 3) return '#text in ' + name(n.parentNode)
    const e = n as Element
    return `${e.localName ?? '?'}${typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : ''}`
  }
  new MutationObserver((records) => {
    for (const r of records) {
      const k = `${r.type}${r.attributeName ? ' ' + r.attributeName : ''} on ${name(r.target)} (parent ${name(r.target.parentNode)})${r.type === 'childList' ? ` +${r.addedNodes.length} -${r.removedNodes.length} ${[...r.addedNodes, ...r.removedNodes].map(name).join(',').slice(0, 80)}` : ''}`
      w.__muts.set(k, (w.__muts.get(k) ?? 0) + 1)
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
}

/** Who writes `class` attributes (stack), for TRACE_MUTATIONS: DOMTokenList writes always mutate. */
function recordClassWriters(): void {
  const w = window as unknown as { __classWriters?: Map<string, number> }
  const note = (what: string) => {
    if (!w.__classWriters) return
    const k = `${what}: ${(new Error().stack ?? '').split('\n').slice(2, 6).map((l) => l.trim().replace(/https?:\/\/[^/]+\/assets\//, '')).join(' < ')}`
    w.__classWriters.set(k, (w.__classWriters.get(k) ?? 0) + 1)
  }
  for (const m of ['add', 'remove', 'toggle', 'replace'] as const) {
    const orig = DOMTokenList.prototype[m] as (...a: unknown[]) => unknown
    ;(DOMTokenList.prototype as unknown as Record<string, unknown>)[m] = function (this: DOMTokenList, ...a: unknown[]) {
      note(`classList.${m}(${a.join(',')})`)
      return orig.apply(this, a)
    }
  }
  const desc = Object.getOwnPropertyDescriptor(Element.prototype, 'className')!
  Object.defineProperty(Element.prototype, 'className', { ...desc, set(v: string) { note('className='); desc.set!.call(this, v) } })
  const setAttr = Element.prototype.setAttribute
  Element.prototype.setAttribute = function (n: string, v: string) {
    if (n === 'class') note('setAttribute(class)')
    return setAttr.call(this, n, v)
  }
}

function takeMutations(): Array<[string, number]> {
  const w = window as unknown as { __muts: Map<string, number>; __classWriters?: Map<string, number> }
  return [...w.__muts, ...[...(w.__classWriters ?? [])].map(([k, n]) => [`writer ${k}`, n] as [string, number])]
}

function takeCallbacks(): Array<[string, number, number]> {
  const w = window as unknown as { __cb: Map<string, { ms: number; n: number }> }
  const out = [...w.__cb].map(([k, v]) => [k, v.ms, v.n] as [string, number, number])
  w.__cb.clear()
  return out
}

/** The composited layers and why Chromium made each one. */
async function layers(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  const got = new Promise<Array<{ layerId: string; backendNodeId?: number; width: number; height: number; drawsContent: boolean; paintCount: number }>>((ok) =>
    cdp.on('LayerTree.layerTreeDidChange', (e) => e.layers && ok(e.layers as never))
  )
  await cdp.send('DOM.getDocument', { depth: -1 })
  await cdp.send('LayerTree.enable')
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))))
  const list = await Promise.race([got, sleep(3000).then(() => [])])
  const out: string[] = [`  ${list.length} layers`]
  for (const l of list) {
    const r = (await cdp.send('LayerTree.compositingReasons', { layerId: l.layerId }).catch(() => ({ compositingReasonIds: ['?'] }))) as { compositingReasonIds: string[] }
    let node = ''
    if (l.backendNodeId) {
      const d = (await cdp.send('DOM.describeNode', { backendNodeId: l.backendNodeId }).catch(() => null)) as { node: { localName: string; attributes?: string[] } } | null
      if (d) node = `${d.node.localName}${(d.node.attributes ?? []).reduce((s, v, i, a) => (i % 2 === 0 && v === 'class' ? `${s}.${a[i + 1].split(' ')[0]}` : s), '')}`
    }
    out.push(`    ${String(l.width).padStart(5)}×${String(l.height).padEnd(6)} ${l.drawsContent ? 'draws' : '     '} ${node.padEnd(40)} ${r.compositingReasonIds.join(',')}`)
  }
  await cdp.send('LayerTree.disable')
  await cdp.detach()
  return out.join('\n')
}

async function main(): Promise<void> {
  const bundles = await buildBenchBundles()
  const session = await launchBrowser()
  await session.context.addInitScript('globalThis.__name ??= (fn) => fn')
  if (process.env.TRACE_INIT) await session.context.addInitScript(process.env.TRACE_INIT)
  if (process.env.TRACE_SKIP) await session.context.addInitScript(`window.__skip = ${JSON.stringify(process.env.TRACE_SKIP)}`)
  if (process.env.TRACE_WRAP === '1') await session.context.addInitScript(wrapCallbacks)
  if (process.env.TRACE_MUTATIONS === '1') await session.context.addInitScript(recordClassWriters)
  const app = await serveRenderer(process.env.TRACE_RENDERER ?? RENDERER_DIR)
  const pm = await serveRenderer(bundles.pmDir)
  try {
    const page = session.page
    for (const pages of (process.env.TRACE_PAGES ?? '60,200').split(',').map(Number)) {
      const large = await loadLargeReportOf(pages)
      let blocks: PlainBlock[]
      try {
        blocks = blocksFromResolved((await resolverFor(large))())
      } catch {
        blocks = blocksFromJSON(large.sections)
      }
      for (const mode of (process.env.TRACE_MODES ?? 'ascii').split(',') as Mode[]) {
        await page.goto(`${app.url}#/`)
        await page.addScriptTag({ content: bundles.dbScript })
        await page.evaluate(
          (d) => (window as unknown as { __benchDB: { seed(...a: unknown[]): Promise<void> } }).__benchDB.seed(d.report, d.sections, d.values),
          { report: large.report, sections: large.sections, values: large.values }
        )
        await page.goto('about:blank')
        await page.goto(`${app.url}#/reports/${encodeURIComponent(large.report.id)}`)
        await page.evaluate(waitForEditable, { label: BODY, needle: lastSectionNeedle(large.sections), timeoutMs: 30_000 })
        // TRACE_MOUSE=0: turn 修订模式 on without moving the mouse (as the ascii runs and the
        // plain page, which never have a pointer over the page: no hover hit tests per frame).
        if (mode === 'suggest') {
          const button = page.getByRole('button', { name: '修订模式', exact: true })
          await (process.env.TRACE_MOUSE === '0' ? button.dispatchEvent('click') : button.click())
        }
        if (process.env.TRACE_CSS) await page.addStyleTag({ content: process.env.TRACE_CSS })
        const counts = await page.evaluate(() => ({ elements: document.querySelectorAll('*').length, body: document.querySelector('.ProseMirror')?.querySelectorAll('*').length }))
        if (process.env.TRACE_LAYERS === '1') console.log(await layers(page))
        const a = await trace(page, mode, async () => {
          if (process.env.TRACE_WRAP === '1') await page.evaluate(takeCallbacks)
          if (process.env.TRACE_MUTATIONS === '1') await page.evaluate(watchMutations)
        })
        if (process.env.TRACE_MUTATIONS === '1') {
          const muts = (await page.evaluate(takeMutations)).sort((x, y) => y[1] - x[1]).slice(0, 30)
          console.log(`\n== app DOM mutations, ${pages} pages, ${mode} (per key) ==`)
          for (const [k, n] of muts) console.log(`  ${(n / a.keys).toFixed(2).padStart(6)}  ${k}`)
        }
        if (process.env.TRACE_WRAP === '1') {
          const cbs = (await page.evaluate(takeCallbacks)).sort((x, y) => y[1] - x[1]).slice(0, 30)
          console.log(`\n== app callbacks, ${pages} pages, ${mode} (ms/key, calls/key) ==`)
          for (const [k, ms, n] of cbs) console.log(`  ${(ms / a.keys).toFixed(3).padStart(7)} ${(n / a.keys).toFixed(1).padStart(5)}  ${k.slice(0, 230)}`)
        }
        console.log(`\n== app, ${pages} pages, ${mode} (${counts.elements} elements in the page, ${counts.body} in the editor) ==`)
        console.log(summarize(a.events, a.keys).join('\n'))
        if (a.profile && process.env.TRACE_JS !== '0') console.log(profileSummary(a.profile, a.keys).join('\n'))

        const plain = await session.context.newPage()
        await plain.goto(pm.url)
        await plain.evaluate((b) => (window as unknown as { __benchPM: { mount(b: unknown): void } }).__benchPM.mount(b), blocks)
        const p = await trace(plain, mode === 'suggest' ? 'ascii' : mode, async () => {
          if (process.env.TRACE_WRAP === '1') await plain.evaluate(takeCallbacks)
        })
        if (process.env.TRACE_WRAP === '1') {
          const cbs = (await plain.evaluate(takeCallbacks)).sort((x, y) => y[1] - x[1]).slice(0, 10)
          console.log(`\n== plain PM callbacks, ${pages} pages (ms/key, calls/key) ==`)
          for (const [k, ms, n] of cbs) console.log(`  ${(ms / p.keys).toFixed(3).padStart(7)} ${(n / p.keys).toFixed(1).padStart(5)}  ${k.slice(0, 160)}`)
        }
        console.log(`\n== plain PM, ${pages} pages, ${mode === 'suggest' ? 'ascii' : mode} ==`)
        console.log(summarize(p.events, p.keys).join('\n'))
        if (p.profile && process.env.TRACE_JS_PLAIN === '1') console.log(profileSummary(p.profile, p.keys).join('\n'))
        await plain.close()
      }
    }
  } finally {
    await session.close()
    await Promise.all([app.close(), pm.close()])
  }
}

void main().catch((e) => {
  console.error(e)
  process.exit(1)
})
