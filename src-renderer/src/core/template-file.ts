// Template files: a county hands its outline to every township as a file. Export writes a
// small JSON document; import checks it completely (shape with zod, then meaning: ids,
// formulas, references) and explains every problem in Chinese. Nothing is stored from a file
// that fails: callers only get templates back when there are no problems at all.
import { z } from 'zod'
import { checkFormulas, parseFormula } from './formula'
import { metricTableCellId } from './metric-tables'
import type { ReportTemplate } from './template'

export const TEMPLATE_FILE_KIND = 'huibao-template'
/** Bumped when the file layout changes incompatibly; newer files are refused with a clear message. */
export const TEMPLATE_FILE_FORMAT = 1
export const TEMPLATE_FILE_EXTENSION = '.hbtpl.json'

// Names and texts from a file reach the editor, the page view and the Word title: control and
// bidi characters (invisible, reorder text, make Word refuse the file) and markup are refused.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/
const MARKUP = /<\s*\/?\s*[A-Za-z!?][^<>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i
const CONTROL_MESSAGE = 'HB:含有不可见的控制字符'
const MARKUP_MESSAGE = 'HB:含有网页标记（如“<b>”）'

/** A text a person reads: no control characters, no markup. */
const plain = <T extends z.ZodString>(schema: T) =>
  schema.refine((v) => !CONTROL_CHARS.test(v), { message: CONTROL_MESSAGE }).refine((v) => !MARKUP.test(v), { message: MARKUP_MESSAGE })

const id = plain(z.string().trim().min(1).max(120))
const text = (max: number) => plain(z.string().max(max))

/** A figure's qualifier as stored (also checks figures kept outside the database, db/unsaved-edits.ts). */
export const qualifierSchema = z.enum(['', '余', '多', '约'])

const metricSchema = z.object({
  id,
  label: plain(z.string().trim().min(1).max(120)),
  unit: text(20),
  type: z.enum(['integer', 'decimal', 'percent', 'text']),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  qualifiers: z.array(qualifierSchema).max(4),
  sectionKey: text(120),
  hint: text(500).optional(),
  formula: text(2000).optional(),
  aliases: z.array(z.string().trim().min(1).max(60)).max(20).optional()
})

const sectionSchema = z.object({
  key: id,
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  title: plain(z.string().trim().min(1).max(200)),
  guidance: text(2000),
  required: z.boolean()
})

const tableSchema = z.object({
  id,
  title: text(200),
  sectionKey: text(120),
  rowHeader: text(200),
  columns: z
    .array(z.object({ key: id, label: text(100), groups: z.array(text(100)).max(4).optional(), width: z.number().positive().max(20).optional() }))
    .min(1)
    .max(30),
  rows: z
    .array(z.object({ key: id, label: text(200), indent: z.number().int().min(0).max(4).optional(), heading: z.boolean().optional() }))
    .min(1)
    .max(200),
  unitNote: text(50).optional(),
  rowHeaderWidth: z.number().positive().max(20).optional()
})

const checkSchema = z.object({ id, left: text(2000), op: z.enum(['=', '<=', '>=']), right: text(2000), message: text(300) })

export const templateSchema = z.object({
  id,
  version: z.number().int().min(1),
  name: plain(z.string().trim().min(1).max(100)),
  description: text(1000),
  builtIn: z.boolean(),
  titlePattern: text(300),
  defaultAddressee: text(200),
  preambleGuidance: text(2000),
  sections: z.array(sectionSchema).min(1).max(300),
  metrics: z.array(metricSchema).max(2000),
  tables: z.array(tableSchema).max(50).optional(),
  checks: z.array(checkSchema).max(200).optional(),
  formatVersion: text(20).optional(),
  derivedFrom: z.object({ id, version: z.number().int().min(1) }).optional()
})

const fileSchema = z.object({
  kind: z.literal(TEMPLATE_FILE_KIND),
  format: z.number().int().min(1),
  exportedAt: z.string().optional(),
  templates: z.array(z.unknown()).min(1).max(50)
})

/** The file text for one or more templates. Built-in flags are dropped: an imported template is the user's. */
export function exportTemplateFile(templates: ReportTemplate | readonly ReportTemplate[], now = new Date()): string {
  const list = Array.isArray(templates) ? templates : [templates as ReportTemplate]
  return `${JSON.stringify(
    {
      kind: TEMPLATE_FILE_KIND,
      format: TEMPLATE_FILE_FORMAT,
      exportedAt: now.toISOString(),
      templates: list.map((t) => ({ ...t, builtIn: false }))
    },
    null,
    2
  )}\n`
}

/** File name for an export: the template name, without characters Windows forbids. */
export function templateFileName(template: ReportTemplate): string {
  const base = template.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim() || '模板'
  return `${base}${TEMPLATE_FILE_EXTENSION}`
}

const FIELD_NAMES: Record<string, string> = {
  id: '编号',
  key: '编号',
  version: '版本号',
  name: '模板名称',
  label: '名称',
  unit: '单位',
  type: '类型',
  title: '标题',
  level: '层级',
  sections: '章节',
  metrics: '指标',
  tables: '表格',
  columns: '列',
  rows: '行',
  guidance: '写作提示',
  required: '是否必写',
  qualifiers: '修饰词',
  formula: '公式',
  aliases: '别名',
  checks: '校验规则'
}

/** A zod issue path as Chinese: 'sections[2].title' → '第3个章节的标题'. */
function describePath(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = []
  for (let i = 0; i < path.length; i++) {
    const p = path[i]
    const next = path[i + 1]
    if (typeof p === 'string' && typeof next === 'number') {
      parts.push(`第${next + 1}个${FIELD_NAMES[p] ?? p}`)
      i++
    } else if (typeof p === 'string') {
      parts.push(FIELD_NAMES[p] ?? p)
    } else if (typeof p === 'number') {
      parts.push(`第${p + 1}项`)
    }
  }
  return parts.join('的')
}

/**
 * Checks what the shape cannot: unique ids and keys, known section keys, sound formulas
 * (syntax, references, cycles), table cells backed by metrics. [] when the template is sound.
 */
export function validateTemplate(t: ReportTemplate): string[] {
  const problems: string[] = []
  // Linear: templates may hold 2,000 metrics.
  const dupes = (values: string[]): string[] => {
    const seen = new Set<string>()
    const twice = new Set<string>()
    for (const v of values) (seen.has(v) ? twice : seen).add(v)
    return [...twice]
  }
  for (const d of dupes(t.sections.map((s) => s.key))) problems.push(`章节编号“${d}”重复，每个章节的编号必须不同`)
  for (const d of dupes(t.metrics.map((m) => m.id))) problems.push(`指标编号“${d}”重复，每个指标的编号必须不同`)
  for (const d of dupes((t.tables ?? []).map((x) => x.id))) problems.push(`表格编号“${d}”重复`)
  if (t.sections[0] && t.sections[0].level !== 1) problems.push('第一个章节必须是一级标题（一、）')
  for (let i = 1; i < t.sections.length; i++) {
    if (t.sections[i].level > t.sections[i - 1].level + 1) {
      problems.push(`章节“${t.sections[i].title}”的层级跳级了：不能直接放在上一级标题的下下级`)
    }
  }
  const sectionKeys = new Set(t.sections.map((s) => s.key))
  for (const m of t.metrics) {
    if (m.sectionKey !== '' && !sectionKeys.has(m.sectionKey)) problems.push(`指标“${m.label}”所属的章节“${m.sectionKey}”不存在`)
    if (m.min !== undefined && m.max !== undefined && m.min > m.max) problems.push(`指标“${m.label}”的最小值大于最大值`)
  }
  for (const p of checkFormulas(t.metrics)) problems.push(p.message)
  const metricIds = new Set(t.metrics.map((m) => m.id))
  for (const table of t.tables ?? []) {
    if (!sectionKeys.has(table.sectionKey)) problems.push(`表格“${table.title}”所属的章节“${table.sectionKey}”不存在`)
    for (const d of dupes(table.columns.map((c) => c.key))) problems.push(`表格“${table.title}”的列编号“${d}”重复`)
    for (const d of dupes(table.rows.map((r) => r.key))) problems.push(`表格“${table.title}”的行编号“${d}”重复`)
    const missing = table.rows
      .filter((r) => !r.heading)
      .flatMap((r) => table.columns.map((c) => metricTableCellId(table.id, r.key, c.key)))
      .filter((cell) => !metricIds.has(cell))
    if (missing.length) problems.push(`表格“${table.title}”有 ${missing.length} 个单元格没有对应的指标（例如“${missing[0]}”）`)
  }
  for (const check of t.checks ?? []) {
    for (const side of [check.left, check.right]) {
      const parsed = parseFormula(side)
      if (!parsed.ok) problems.push(`校验规则“${check.message}”的公式有误：${parsed.message}`)
      else for (const ref of parsed.refs) if (!metricIds.has(ref)) problems.push(`校验规则“${check.message}”引用了不存在的指标“${ref}”`)
    }
  }
  return problems
}

export type TemplateFileResult = { ok: true; templates: ReportTemplate[] } | { ok: false; errors: string[] }

/**
 * Reads a template file. Every problem found is listed (up to a sensible number), each in
 * Chinese with what to do; a single problem anywhere rejects the whole file.
 */
export function parseTemplateFile(source: string, options: { fileName?: string } = {}): TemplateFileResult {
  const wrongKind = '这不是汇报的模板文件。请选择从汇报“模板管理”中导出的文件（文件名以 .hbtpl.json 结尾）。'
  if (options.fileName && /\.(docx?|wps|pdf|xlsx?|txt)$/i.test(options.fileName)) {
    return { ok: false, errors: [`“${options.fileName}”是文档文件，不是模板文件。${wrongKind}`] }
  }
  let raw: unknown
  try {
    raw = JSON.parse(source.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, errors: [`文件内容无法识别，可能已损坏或不是模板文件。${wrongKind}`] }
  }
  if (typeof raw !== 'object' || raw === null || (raw as { kind?: unknown }).kind !== TEMPLATE_FILE_KIND) {
    return { ok: false, errors: [wrongKind] }
  }
  const format = (raw as { format?: unknown }).format
  if (typeof format === 'number' && format > TEMPLATE_FILE_FORMAT) {
    return { ok: false, errors: ['这个模板文件由更新版本的汇报导出，当前版本无法读取。请先升级汇报，或请对方用相同版本重新导出。'] }
  }
  const file = fileSchema.safeParse(raw)
  if (!file.success) return { ok: false, errors: ['模板文件内容不完整（缺少模板或格式信息），请重新导出后再导入。'] }

  const errors: string[] = []
  const templates: ReportTemplate[] = []
  file.data.templates.forEach((entry, i) => {
    const rawName = (entry as { name?: unknown })?.name
    // The name is shown in the message: never echo control characters or markup back.
    const shown = typeof rawName === 'string' ? rawName.replace(new RegExp(CONTROL_CHARS.source, 'g'), '').replace(new RegExp(MARKUP.source, 'gi'), '').trim().slice(0, 40) : ''
    const name = shown ? `模板“${shown}”` : `第${i + 1}个模板`
    const parsed = templateSchema.safeParse(entry)
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) {
        const where = describePath(issue.path)
        const own = issue.message.startsWith('HB:') ? `${issue.message.slice(3)}，请在原文件中删去后再导入` : null
        errors.push(`${name}：${where ? `${where}` : '内容'}${own ?? (issue.code === 'invalid_type' && /received undefined/.test(issue.message) ? '缺失' : '不符合要求')}`)
      }
      return
    }
    const template = { ...(parsed.data as ReportTemplate), builtIn: false }
    for (const p of validateTemplate(template)) errors.push(`${name}：${p}`)
    templates.push(template)
  })
  for (const d of [...new Set(templates.map((t) => t.id).filter((v, i, a) => a.indexOf(v) !== i))]) {
    errors.push(`文件中有两个模板使用了同一个编号“${d}”，请分别导出后再导入`)
  }
  return errors.length ? { ok: false, errors: errors.slice(0, 20) } : { ok: true, templates }
}
