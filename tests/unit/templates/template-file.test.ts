// Template files and versioning: export/import round trip, every kind of bad file explained in
// Chinese and rejected whole, and the derive operations (copy, new version, 存为模板, import placement).
import { describe, expect, it } from 'vitest'
import { exportTemplateFile, parseTemplateFile, templateFileName, TEMPLATE_FILE_FORMAT, validateTemplate } from '@core/template-file'
import { BUILT_IN_TEMPLATES, GOV_DISCLOSURE_TEMPLATE, RULE_OF_LAW_TEMPLATE, WORK_SUMMARY_TEMPLATE } from '@core/templates'
import { TemplateCatalog, TemplateVersionMissing } from '@core/templates/catalog'
import { blankTemplate, copyTemplate, nextTemplateVersion, placeImportedTemplate, templateFromReport } from '@core/templates/derive'
import { createReportFromTemplate } from '@core/report-factory'
import type { ReportTemplate } from '@core/template'

const chinese = (s: string) => /[\u4e00-\u9fff]/.test(s)

function fileWith(mutate: (t: ReportTemplate & Record<string, unknown>) => void, base: ReportTemplate = copyTemplate(RULE_OF_LAW_TEMPLATE, 'county-rol')): string {
  const t = JSON.parse(JSON.stringify(base))
  mutate(t)
  return JSON.stringify({ kind: 'huibao-template', format: TEMPLATE_FILE_FORMAT, templates: [t] })
}

function errorsOf(text: string, fileName?: string): string[] {
  const r = parseTemplateFile(text, { fileName })
  expect(r.ok).toBe(false)
  return r.ok ? [] : r.errors
}

describe('built-in templates are sound', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.name, t] as const))('%s passes validation', (_name, t) => {
    expect(validateTemplate(t)).toEqual([])
  })
  it('年度工作总结 has the three generic parts with free sub-sections under the first', () => {
    const top = WORK_SUMMARY_TEMPLATE.sections.filter((s) => s.level === 1).map((s) => s.title)
    expect(top).toHaveLength(3)
    expect(top[0]).toMatch(/工作开展情况/)
    expect(top[1]).toMatch(/存在的问题/)
    expect(top[2]).toMatch(/打算/)
    expect(WORK_SUMMARY_TEMPLATE.sections.filter((s) => s.level === 2).length).toBeGreaterThan(0)
    expect(WORK_SUMMARY_TEMPLATE.sections.filter((s) => s.level === 2).every((s) => !s.required)).toBe(true)
  })
})

describe('template file export and import', () => {
  it('round-trips every built-in as a user template with the same outline and metrics', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const r = parseTemplateFile(exportTemplateFile(t))
      expect(r.ok, t.name).toBe(true)
      if (!r.ok) continue
      expect(r.templates[0].builtIn).toBe(false)
      expect(r.templates[0].sections).toEqual(t.sections)
      expect(r.templates[0].metrics).toEqual(t.metrics)
      expect(r.templates[0].tables).toEqual(t.tables)
    }
    expect(templateFileName(GOV_DISCLOSURE_TEMPLATE)).toBe('政府信息公开工作年度报告.hbtpl.json')
  })

  it('refuses the wrong kind of file', () => {
    expect(errorsOf('PK\u0003\u0004 binary', '报告.docx')[0]).toMatch(/是文档文件，不是模板文件/)
    expect(errorsOf('not json at all')[0]).toMatch(/无法识别/)
    expect(errorsOf(JSON.stringify({ hello: 1 }))[0]).toMatch(/不是汇报的模板文件/)
    expect(errorsOf(JSON.stringify({ kind: 'huibao-template', format: 1, templates: [] }))[0]).toMatch(/不完整/)
  })

  it('refuses a file from a newer version of the app', () => {
    const text = JSON.stringify({ kind: 'huibao-template', format: TEMPLATE_FILE_FORMAT + 1, templates: [RULE_OF_LAW_TEMPLATE] })
    expect(errorsOf(text)[0]).toMatch(/更新版本.*升级/)
  })

  it('explains a broken formula, naming the metric', () => {
    const text = fileWith((t) => {
      t.metrics.push({ id: 'rate', label: '持证率', unit: '%', type: 'percent', qualifiers: [], sectionKey: t.sections[0].key, formula: 'enforcement.patrols / (1 + 2' })
    })
    const errors = errorsOf(text)
    expect(errors.join('\n')).toMatch(/持证率.*公式有误.*括号/)
  })

  it('explains duplicate ids, unknown references and cycles', () => {
    const dupe = fileWith((t) => t.metrics.push({ ...t.metrics[0] }))
    expect(errorsOf(dupe).join('\n')).toMatch(new RegExp(`指标编号“${RULE_OF_LAW_TEMPLATE.metrics[0].id.replace('.', '\\.')}”重复`))
    const dupeSection = fileWith((t) => t.sections.push({ ...t.sections[1] }))
    expect(errorsOf(dupeSection).join('\n')).toMatch(/章节编号.*重复/)
    const cycle = fileWith((t) => {
      t.metrics.push({ id: 'a', label: '甲', unit: '', type: 'integer', qualifiers: [], sectionKey: '', formula: 'b' })
      t.metrics.push({ id: 'b', label: '乙', unit: '', type: 'integer', qualifiers: [], sectionKey: '', formula: 'a + 1' })
    })
    expect(errorsOf(cycle).join('\n')).toMatch(/循环引用/)
    const twoSame = JSON.stringify({ kind: 'huibao-template', format: 1, templates: [copyTemplate(RULE_OF_LAW_TEMPLATE, 'x'), copyTemplate(WORK_SUMMARY_TEMPLATE, 'x')] })
    expect(errorsOf(twoSame).join('\n')).toMatch(/同一个编号“x”/)
  })

  it('explains shape problems by field, in Chinese', () => {
    const errors = errorsOf(fileWith((t) => {
      t.sections[2].level = 7 as never
      delete (t as Record<string, unknown>).name
    }))
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.every(chinese)).toBe(true)
    expect(errors.join('\n')).toMatch(/第3个章节的层级/)
    expect(errors.join('\n')).toMatch(/模板名称缺失/)
  })

  it('a file that fails anywhere yields no templates at all', () => {
    const good = copyTemplate(WORK_SUMMARY_TEMPLATE, 'good')
    const bad = { ...copyTemplate(RULE_OF_LAW_TEMPLATE, 'bad'), sections: [] }
    const r = parseTemplateFile(JSON.stringify({ kind: 'huibao-template', format: 1, templates: [good, bad] }))
    expect(r.ok).toBe(false)
    expect('templates' in r).toBe(false)
  })
})

describe('template versioning and derivation', () => {
  it('copying a built-in gives an editable version-1 template that remembers its source', () => {
    const copy = copyTemplate(GOV_DISCLOSURE_TEMPLATE, 'mine')
    expect(copy).toMatchObject({ id: 'mine', version: 1, builtIn: false, derivedFrom: { id: GOV_DISCLOSURE_TEMPLATE.id, version: 1 } })
    copy.sections[0].title = '改过的标题'
    expect(GOV_DISCLOSURE_TEMPLATE.sections[0].title).not.toBe('改过的标题')
    expect(() => nextTemplateVersion(GOV_DISCLOSURE_TEMPLATE, 1)).toThrow()
    expect(nextTemplateVersion(copy, 3).version).toBe(4)
    expect(validateTemplate(blankTemplate('b'))).toEqual([])
  })

  it('a report keeps the template version it was made from after the template is edited', () => {
    const v1 = copyTemplate(RULE_OF_LAW_TEMPLATE, 'county')
    const v2 = nextTemplateVersion({ ...v1, sections: v1.sections.slice(0, 3), name: '县定模板' }, 1)
    const row = (t: typeof v1, updatedAt: number) => ({ id: t.id, version: t.version, kind: 'user' as const, template: t, updatedAt, deletedAt: null })
    const catalog = new TemplateCatalog([row(v1, 1), row(v2, 2)])
    const { report } = createReportFromTemplate(v1, { organs: ['甲镇人民政府'], addressee: '乙县', year: 2024, date: '2025-01-10' }, { reportId: 'r', newSectionId: () => String(Math.random()), now: 1 })
    expect(report.templateVersion).toBe(1)
    // New reports start from the current version; an existing one keeps its own.
    expect(catalog.current('county')?.version).toBe(2)
    expect(catalog.forReport(report)).toEqual(v1)
    expect(catalog.userTemplates().map((t) => t.version)).toEqual([2])
    // A version that is not stored is an error, never the current version in its place.
    expect(() => catalog.exact('county', 99)).toThrow(TemplateVersionMissing)
    expect(() => catalog.exact('county', 99)).toThrow(/第 99 版/)
  })

  it('存为模板 keeps the report outline and turns its years back into placeholders', () => {
    const made = createReportFromTemplate(RULE_OF_LAW_TEMPLATE, { organs: ['甲镇党委', '甲镇人民政府'], addressee: '乙县', year: 2024, date: '2025-01-10' }, { reportId: 'r', newSectionId: (() => { let i = 0; return () => `s${++i}` })(), now: 1 })
    // The clerk moved things around: a user section added at the end.
    made.doc.content.push({ type: 'section', attrs: { id: 'x', level: 1, templateKey: null, required: false }, content: [{ type: 'sectionTitle', content: [{ type: 'text', text: '2025年重点工作' }] }, { type: 'paragraph' }] })
    const t = templateFromReport(made.report, made.doc, RULE_OF_LAW_TEMPLATE, 'saved', '我的法治报告模板')
    expect(validateTemplate(t)).toEqual([])
    expect(t.titlePattern).toBe(RULE_OF_LAW_TEMPLATE.titlePattern)
    expect(t.sections.map((s) => s.title)).toEqual([...RULE_OF_LAW_TEMPLATE.sections.map((s) => s.title), '{nextYear}年重点工作'])
    expect(t.sections.at(-1)!.key).not.toBe('')
    expect(t.metrics).toEqual(RULE_OF_LAW_TEMPLATE.metrics)
    expect(t.derivedFrom).toEqual({ id: RULE_OF_LAW_TEMPLATE.id, version: RULE_OF_LAW_TEMPLATE.version })
  })

  it('an imported template never overwrites: new version of an existing id, a copy of a built-in id', () => {
    const builtInIds = new Set(BUILT_IN_TEMPLATES.map((t) => t.id))
    const latest = (id: string) => (id === 'county' ? 3 : undefined)
    const asBuiltIn = placeImportedTemplate(RULE_OF_LAW_TEMPLATE, { builtInIds, latestVersion: latest }, () => 'fresh')
    expect(asBuiltIn).toMatchObject({ id: 'fresh', version: 1, builtIn: false })
    const update = placeImportedTemplate({ ...copyTemplate(RULE_OF_LAW_TEMPLATE, 'county'), version: 2 }, { builtInIds, latestVersion: latest }, () => 'unused')
    expect(update).toMatchObject({ id: 'county', version: 4 })
    const fresh = placeImportedTemplate(copyTemplate(RULE_OF_LAW_TEMPLATE, 'other'), { builtInIds, latestVersion: latest }, () => 'unused')
    expect(fresh).toMatchObject({ id: 'other', version: 1 })
  })
})

describe('names from a template file are plain text (they reach the Word title)', () => {
  const withName = (name: string, sectionTitle = '主要工作'): string => {
    const t = { ...copyTemplate(WORK_SUMMARY_TEMPLATE, 'imported', '导入模板') }
    return exportTemplateFile({ ...t, name, sections: t.sections.map((s, i) => (i === 0 ? { ...s, title: sectionTitle } : s)) })
  }

  it('refuses control and bidi characters in a name, without echoing them', () => {
    const r = parseTemplateFile(withName('乡镇\u202E总结\u0007'))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.join('')).toContain('控制字符')
    expect(r.errors.join('')).not.toMatch(/[\u202E\u0007]/)
  })

  it('refuses markup in a name or a section title', () => {
    const a = parseTemplateFile(withName('<b>乡镇</b>总结'))
    expect(a.ok).toBe(false)
    if (!a.ok) expect(a.errors.join('')).toContain('网页标记')
    const b = parseTemplateFile(withName('乡镇总结', '<img src=x onerror=alert(1)>工作'))
    expect(b.ok).toBe(false)
    if (!b.ok) expect(b.errors.join('')).toContain('网页标记')
  })

  it('still takes an ordinary name with brackets and symbols', () => {
    expect(parseTemplateFile(withName('乡镇总结（2024版）& 附表')).ok).toBe(true)
  })
})
