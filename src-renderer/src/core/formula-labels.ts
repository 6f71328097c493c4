// Formulas as the clerk writes them: with metric names in 【】 ("【行政复议案件数】÷【行政诉讼案件数】×100")
// instead of ids. Stored formulas keep ids ({id}), so renaming a metric never breaks one; these
// two functions translate between the forms. A name used by two metrics cannot be resolved by
// name alone: the picker then writes 【名称#编号】, which the clerk never has to type.

export interface LabelledMetric {
  id: string
  label: string
}

export type FormulaFromLabels = { ok: true; formula: string } | { ok: false; message: string }

/** Ids in a formula: {any id} or a bare identifier (sum( is the function, not a metric). */
const REF = /\{([^{}]*)\}|[A-Za-z_][A-Za-z0-9_.]*/g

/** How a metric is written in a formula the clerk sees: 【名称】, or 【名称#编号】 when the name is shared. */
export function formulaToken(metric: LabelledMetric, metrics: LabelIndex): string {
  return (metrics.byLabel.get(metric.label.trim())?.length ?? 0) > 1 ? `【${metric.label.trim()}#${metric.id}】` : `【${metric.label.trim()}】`
}

export interface LabelIndex {
  byId: Map<string, LabelledMetric>
  byLabel: Map<string, LabelledMetric[]>
}

/** Build once per metric list, not once per formula (2,000 metrics, many formulas). */
export function labelIndex(metrics: readonly LabelledMetric[]): LabelIndex {
  const byId = new Map<string, LabelledMetric>()
  const byLabel = new Map<string, LabelledMetric[]>()
  for (const m of metrics) {
    byId.set(m.id, m)
    const key = m.label.trim()
    const list = byLabel.get(key)
    if (list) list.push(m)
    else byLabel.set(key, [m])
  }
  return { byId, byLabel }
}

/** Operators as the clerk writes them (× ÷), outside names only. */
function prettyOperators(segment: string): string {
  return segment.replace(/\s*\*\s*/g, '×').replace(/\s*\/\s*/g, '÷')
}

/**
 * A stored formula ("{m21} / {m20} * 100" or "m21 / m20 * 100") as the clerk reads it:
 * "【行政复议案件数】÷【行政诉讼案件数】×100". Unknown ids stay as they are, so the formula check can
 * name them; text already inside 【】 is left alone.
 */
export function formulaToLabels(formula: string, index: LabelIndex): string {
  const parts: string[] = []
  let last = 0
  const push = (plain: string) => parts.push(plain.split(/(【[^】]*】)/).map((p, i) => (i % 2 ? p : prettyOperators(p))).join(''))
  const tokens: Array<[number, number]> = []
  const names = /【[^】]*】/g
  for (let m = names.exec(formula); m; m = names.exec(formula)) tokens.push([m.index, m.index + m[0].length])
  const inName = (i: number) => tokens.some(([a, b]) => i >= a && i < b)
  REF.lastIndex = 0
  for (let m = REF.exec(formula); m; m = REF.exec(formula)) {
    if (inName(m.index)) continue
    const word = m[0]
    // 'sum(' is the function, not a metric.
    if (m[1] === undefined && /^sum$/i.test(word) && /^\s*\(/.test(formula.slice(m.index + word.length))) continue
    const metric = index.byId.get(m[1] !== undefined ? m[1].trim() : word)
    if (!metric) continue
    push(formula.slice(last, m.index))
    parts.push(formulaToken(metric, index))
    last = m.index + word.length
  }
  push(formula.slice(last))
  return parts.join('')
}

/**
 * The clerk's formula with names back to ids ({id}), ready for parseFormula. An unknown name or
 * a name two metrics share is refused with a message naming it; ids written directly still work.
 */
export function formulaFromLabels(text: string, index: LabelIndex): FormulaFromLabels {
  let out = ''
  let last = 0
  const unpaired: FormulaFromLabels = { ok: false, message: '公式中的【】没有配对，指标名称请写成【名称】的形式' }
  const names = /【([^【】]*)】/g
  for (let m = names.exec(text); m; m = names.exec(text)) {
    const gap = text.slice(last, m.index)
    if (/[【】]/.test(gap)) return unpaired
    const inner = m[1].trim()
    let metric: LabelledMetric | undefined
    const hash = inner.lastIndexOf('#')
    const picked = hash > 0 ? index.byId.get(inner.slice(hash + 1).trim()) : undefined
    if (picked && picked.label.trim() === inner.slice(0, hash).trim()) metric = picked
    else {
      if (inner === '') return { ok: false, message: '公式中有空的【】，请在括号里写指标名称，或从“选择指标”列表中选取' }
      const found = index.byLabel.get(inner) ?? []
      if (found.length === 0) return { ok: false, message: `公式中的“【${inner}】”不是本模板的指标名称，请检查是否写错，或从“选择指标”列表中选取` }
      if (found.length > 1) return { ok: false, message: `有 ${found.length} 个指标都叫“${inner}”，无法确定用哪一个：请从“选择指标”列表中选取，或先把名称改得各不相同` }
      metric = found[0]
    }
    out += gap + `{${metric.id}}`
    last = m.index + m[0].length
  }
  const rest = text.slice(last)
  if (/[【】]/.test(rest)) return unpaired
  return { ok: true, formula: out + rest }
}
