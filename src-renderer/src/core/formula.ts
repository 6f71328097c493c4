// Computed metrics: a small arithmetic language over other metrics, parsed by hand. The app's
// CSP forbids eval/new Function, and a template file from elsewhere must never run code.
//
//   formula := expr
//   expr    := term (('+' | '-') term)*
//   term    := unary (('*' | '/') unary)*
//   unary   := '-' unary | primary
//   primary := number | ref | 'sum' '(' expr (',' expr)* ')' | '(' expr ')'
//   ref     := [A-Za-z_][A-Za-z0-9_.]*  |  '{' any id '}'
//
// Full-width forms typed with a Chinese IME (＋－×÷（），) are accepted.

export type FormulaNode =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; id: string }
  | { kind: 'neg'; arg: FormulaNode }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { kind: 'sum'; args: FormulaNode[] }

export type ParsedFormula = { ok: true; ast: FormulaNode; refs: string[] } | { ok: false; message: string }

/** The outcome of evaluating a formula: never NaN, never Infinity. */
export type FormulaResult =
  | { state: 'ok'; value: number }
  /** Some inputs are not filled in yet (ids listed). */
  | { state: 'missing'; missing: string[] }
  | { state: 'divByZero' }
  /** The formula itself is broken or refers to something that cannot be computed. */
  | { state: 'error'; message: string }

const FULL_WIDTH: Record<string, string> = {
  '＋': '+',
  '－': '-',
  '—': '-',
  '×': '*',
  '＊': '*',
  '÷': '/',
  '／': '/',
  '（': '(',
  '）': ')',
  '，': ',',
  '．': '.',
  '｛': '{',
  '｝': '}',
  '\u3000': ' '
}

function normalize(src: string): string {
  return src
    .replace(/[＋－—×＊÷／（），．｛｝\u3000]/g, (c) => FULL_WIDTH[c])
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
}

type Token =
  | { t: 'num'; v: number; pos: number }
  | { t: 'id'; v: string; pos: number }
  | { t: 'op'; v: '+' | '-' | '*' | '/' | '(' | ')' | ','; pos: number }

class FormulaSyntaxError extends Error {}

function tokenize(src: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (/\s/.test(c)) {
      i++
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+(\.\d+)?|\.\d+)/.exec(src.slice(i))
      if (!m) throw new FormulaSyntaxError(`第 ${i + 1} 个字符处的数字写法不正确`)
      tokens.push({ t: 'num', v: Number(m[0]), pos: i })
      i += m[0].length
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i))!
      tokens.push({ t: 'id', v: m[0], pos: i })
      i += m[0].length
    } else if (c === '{') {
      const end = src.indexOf('}', i)
      if (end < 0) throw new FormulaSyntaxError('“{”没有对应的“}”，指标编号请写成 {编号} 的形式')
      const id = src.slice(i + 1, end).trim()
      if (id === '') throw new FormulaSyntaxError('“{}”中没有填写指标编号')
      tokens.push({ t: 'id', v: id, pos: i })
      i = end + 1
    } else if ('+-*/(),'.includes(c)) {
      tokens.push({ t: 'op', v: c as '+', pos: i })
      i++
    } else {
      throw new FormulaSyntaxError(`公式中不能使用“${c}”，只能使用数字、指标编号、+ - × ÷、括号和 sum()`)
    }
  }
  return tokens
}

/** Parses a formula; a broken one gives a Chinese message saying what is wrong. */
export function parseFormula(source: string): ParsedFormula {
  if (typeof source !== 'string' || source.trim() === '') return { ok: false, message: '公式为空，请填写计算公式，例如 a + b' }
  let tokens: Token[]
  try {
    tokens = tokenize(normalize(source))
  } catch (e) {
    return { ok: false, message: (e as Error).message }
  }
  let p = 0
  const peek = (): Token | undefined => tokens[p]
  const isOp = (v: string): boolean => {
    const t = peek()
    return t !== undefined && t.t === 'op' && t.v === v
  }
  const expect = (v: string, what: string): void => {
    if (!isOp(v)) throw new FormulaSyntaxError(what)
    p++
  }

  function expr(): FormulaNode {
    let left = term()
    while (isOp('+') || isOp('-')) {
      const op = (tokens[p++] as { v: '+' | '-' }).v
      left = { kind: 'bin', op, left, right: term() }
    }
    return left
  }
  function term(): FormulaNode {
    let left = unary()
    while (isOp('*') || isOp('/')) {
      const op = (tokens[p++] as { v: '*' | '/' }).v
      left = { kind: 'bin', op, left, right: unary() }
    }
    return left
  }
  function unary(): FormulaNode {
    if (isOp('-')) {
      p++
      return { kind: 'neg', arg: unary() }
    }
    if (isOp('+')) {
      p++
      return unary()
    }
    return primary()
  }
  function primary(): FormulaNode {
    const t = peek()
    if (!t) throw new FormulaSyntaxError('公式不完整：运算符后面缺少数字或指标')
    if (t.t === 'num') {
      p++
      return { kind: 'num', value: t.v }
    }
    if (t.t === 'id') {
      p++
      if (t.v.toLowerCase() === 'sum' && isOp('(')) {
        p++
        if (isOp(')')) throw new FormulaSyntaxError('sum() 中至少要有一个指标')
        const args = [expr()]
        while (isOp(',')) {
          p++
          args.push(expr())
        }
        expect(')', 'sum( 缺少右括号“)”')
        return { kind: 'sum', args }
      }
      return { kind: 'ref', id: t.v }
    }
    if (t.v === '(') {
      p++
      const inner = expr()
      expect(')', '括号不配对：缺少右括号“)”')
      return inner
    }
    if (t.v === ')') throw new FormulaSyntaxError('括号不配对：多了一个右括号“)”')
    if (t.v === ',') throw new FormulaSyntaxError('逗号只能用在 sum( ) 的括号里')
    throw new FormulaSyntaxError(`“${t.v === '*' ? '×' : t.v === '/' ? '÷' : t.v}”前面缺少数字或指标`)
  }

  try {
    const ast = expr()
    if (p < tokens.length) {
      const t = tokens[p]
      if (t.t === 'op' && t.v === ')') throw new FormulaSyntaxError('括号不配对：多了一个右括号“)”')
      throw new FormulaSyntaxError('两个数字或指标之间缺少运算符（+ - × ÷）')
    }
    return { ok: true, ast, refs: collectRefs(ast) }
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, message: e.message }
    throw e
  }
}

function collectRefs(node: FormulaNode, out: string[] = []): string[] {
  switch (node.kind) {
    case 'ref':
      if (!out.includes(node.id)) out.push(node.id)
      break
    case 'neg':
      collectRefs(node.arg, out)
      break
    case 'bin':
      collectRefs(node.left, out)
      collectRefs(node.right, out)
      break
    case 'sum':
      for (const a of node.args) collectRefs(a, out)
      break
  }
  return out
}

/** What a reference evaluates to: a number, nothing yet, or an upstream failure. */
export type RefLookup = (id: string) => FormulaResult | number | null

type Partial = { state: 'ok'; value: number } | Exclude<FormulaResult, { state: 'ok' }>

function combineMissing(a: Partial, b: Partial): Partial | null {
  // Errors beat division by zero beat missing inputs: show the most fundamental problem.
  for (const state of ['error', 'divByZero'] as const) {
    if (a.state === state) return a
    if (b.state === state) return b
  }
  if (a.state === 'missing' || b.state === 'missing') {
    const missing = [...(a.state === 'missing' ? a.missing : []), ...(b.state === 'missing' ? b.missing : [])]
    return { state: 'missing', missing: [...new Set(missing)] }
  }
  return null
}

function evalNode(node: FormulaNode, lookup: RefLookup): Partial {
  switch (node.kind) {
    case 'num':
      return { state: 'ok', value: node.value }
    case 'ref': {
      const r = lookup(node.id)
      if (r === null) return { state: 'missing', missing: [node.id] }
      if (typeof r === 'number') return Number.isFinite(r) ? { state: 'ok', value: r } : { state: 'missing', missing: [node.id] }
      return r
    }
    case 'neg': {
      const r = evalNode(node.arg, lookup)
      return r.state === 'ok' ? { state: 'ok', value: -r.value } : r
    }
    case 'bin': {
      const l = evalNode(node.left, lookup)
      const r = evalNode(node.right, lookup)
      const bad = combineMissing(l, r)
      if (bad) return bad
      const a = (l as { value: number }).value
      const b = (r as { value: number }).value
      if (node.op === '/' && b === 0) return { state: 'divByZero' }
      const value = node.op === '+' ? a + b : node.op === '-' ? a - b : node.op === '*' ? a * b : a / b
      return Number.isFinite(value) ? { state: 'ok', value } : { state: 'error', message: '计算结果超出范围' }
    }
    case 'sum': {
      // A sum treats blank inputs as 0 as long as at least one is filled: tables are filled
      // partly and their totals must still show. All blank → missing.
      let total = 0
      let filled = 0
      const missing: string[] = []
      for (const arg of node.args) {
        const r = evalNode(arg, lookup)
        if (r.state === 'error' || r.state === 'divByZero') return r
        if (r.state === 'missing') missing.push(...r.missing)
        else {
          total += r.value
          filled++
        }
      }
      if (filled === 0) return { state: 'missing', missing: [...new Set(missing)] }
      return { state: 'ok', value: total }
    }
  }
}

/** Evaluates a parsed formula. Floating-point noise (0.1 + 0.2) is rounded away. */
export function evaluateFormula(ast: FormulaNode, lookup: RefLookup): FormulaResult {
  const r = evalNode(ast, lookup)
  if (r.state !== 'ok') return r
  const rounded = Math.round(r.value * 1e9) / 1e9
  return { state: 'ok', value: rounded === 0 ? 0 : rounded }
}

/** Parses and evaluates in one step (for previews in the template editor). */
export function computeFormula(source: string, lookup: RefLookup): FormulaResult {
  const parsed = parseFormula(source)
  if (!parsed.ok) return { state: 'error', message: parsed.message }
  return evaluateFormula(parsed.ast, lookup)
}

export interface FormulaMetric {
  id: string
  label: string
  formula?: string
}

export interface FormulaProblem {
  metricId: string
  message: string
}

/**
 * Checks every formula of a metric set: syntax, references to unknown metrics, references to
 * text metrics, and cycles (a computed metric that depends on itself, directly or not).
 */
export function checkFormulas(metrics: ReadonlyArray<FormulaMetric & { type?: string }>): FormulaProblem[] {
  const problems: FormulaProblem[] = []
  const byId = new Map(metrics.map((m) => [m.id, m]))
  const deps = new Map<string, string[]>()
  for (const m of metrics) {
    if (m.formula === undefined) continue
    const parsed = parseFormula(m.formula)
    if (!parsed.ok) {
      problems.push({ metricId: m.id, message: `指标“${m.label}”的公式有误：${parsed.message}` })
      continue
    }
    if (m.type === 'text') problems.push({ metricId: m.id, message: `指标“${m.label}”是文字类型，不能用公式计算` })
    for (const ref of parsed.refs) {
      const target = byId.get(ref)
      if (!target) problems.push({ metricId: m.id, message: `指标“${m.label}”的公式引用了不存在的指标“${ref}”` })
      else if (target.type === 'text') problems.push({ metricId: m.id, message: `指标“${m.label}”的公式引用了文字指标“${target.label}”，只能引用数字指标` })
    }
    deps.set(m.id, parsed.refs.filter((r) => byId.has(r)))
  }
  for (const cycle of findCycles(deps)) {
    const names = cycle.map((id) => `“${byId.get(id)?.label ?? id}”`).join(' → ')
    problems.push({ metricId: cycle[0], message: `公式循环引用：${names} → “${byId.get(cycle[0])?.label ?? cycle[0]}”，请去掉其中一处引用` })
  }
  return problems
}

/** Each cycle once, as the list of ids along it. */
export function findCycles(deps: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 1 | 2>() // 1 on the stack, 2 done
  const stack: string[] = []
  const cycles: string[][] = []
  const visit = (id: string): void => {
    state.set(id, 1)
    stack.push(id)
    for (const next of deps.get(id) ?? []) {
      const s = state.get(next)
      if (s === 1) cycles.push(stack.slice(stack.indexOf(next)))
      else if (s === undefined && deps.has(next)) visit(next)
    }
    stack.pop()
    state.set(id, 2)
  }
  for (const id of deps.keys()) if (!state.has(id)) visit(id)
  return cycles
}

/**
 * Computes every formula metric from the typed values. Inputs are given as numbers (null when
 * empty); the result holds a FormulaResult for every metric with a formula. Cycles and broken
 * formulas come out as 'error' instead of looping.
 */
export function computeAll(metrics: readonly FormulaMetric[], inputs: ReadonlyMap<string, number | null>): Map<string, FormulaResult> {
  const parsed = new Map<string, ParsedFormula>()
  for (const m of metrics) if (m.formula !== undefined) parsed.set(m.id, parseFormula(m.formula))
  const known = new Set(metrics.map((m) => m.id))
  const results = new Map<string, FormulaResult>()
  const inProgress = new Set<string>()

  const compute = (id: string): FormulaResult => {
    const done = results.get(id)
    if (done) return done
    const p = parsed.get(id)!
    let result: FormulaResult
    if (!p.ok) result = { state: 'error', message: p.message }
    else if (inProgress.has(id)) return { state: 'error', message: '公式循环引用' }
    else {
      inProgress.add(id)
      result = evaluateFormula(p.ast, (ref) => {
        if (parsed.has(ref)) return compute(ref)
        if (!known.has(ref)) return { state: 'error', message: `引用了不存在的指标“${ref}”` }
        return inputs.get(ref) ?? null
      })
      inProgress.delete(id)
      // A cycle detected deeper down poisons every metric on it.
      if (result.state === 'error' && result.message === '公式循环引用') result = { state: 'error', message: '公式循环引用' }
    }
    results.set(id, result)
    return result
  }
  for (const id of parsed.keys()) compute(id)
  return results
}

/** A short Chinese description of a non-ok result for the form and the chip tooltip. */
export function describeFormulaResult(r: FormulaResult, labelOf: (id: string) => string = (id) => id): string {
  switch (r.state) {
    case 'ok':
      return String(r.value)
    case 'missing':
      return `待填：${r.missing.map(labelOf).join('、')}`
    case 'divByZero':
      return '无法计算：除数为 0'
    case 'error':
      return `公式有误：${r.message}`
  }
}
