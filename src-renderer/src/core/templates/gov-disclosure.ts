// Built-in template: 政府信息公开工作年度报告 in the national format of 2021 (国办公开办函〔2021〕30号).
// Six fixed sections and the format's three statistical tables as metric tables. Every total
// the format asks for is a computed metric, so it cannot be typed wrong. formatVersion '2021'
// leaves room for the 2019 trial format, whose columns differ, as a separate template.
import { buildTableMetrics, metricTableCellId, sumFormula } from '../metric-tables'
import type { MetricCheck, MetricDefinition, MetricTableColumn, MetricTableDefinition, MetricTableRow, ReportTemplate, TemplateSection } from '../template'

export const GOV_DISCLOSURE_TEMPLATE_ID = 'gov-disclosure-annual'

const sections: TemplateSection[] = [
  {
    key: 'overall',
    level: 1,
    title: '总体情况',
    guidance: '概述本年度政府信息公开工作的总体情况：主动公开、依申请公开、政府信息管理、公开平台建设和监督保障各写几句，用数字说明工作量。',
    required: true
  },
  { key: 'overall.active', level: 2, title: '主动公开', guidance: '写通过哪些渠道主动公开了哪些重点领域的信息，数量多少。', required: false },
  { key: 'overall.requests', level: 2, title: '依申请公开', guidance: '写收到和答复申请的总体情况，是否都在法定期限内答复。', required: false },
  { key: 'overall.management', level: 2, title: '政府信息管理', guidance: '写公开前的保密审查、信息发布审核和已公开文件的清理情况。', required: false },
  { key: 'overall.platforms', level: 2, title: '平台建设', guidance: '写门户网站、政务新媒体、公开栏等公开载体的建设和维护情况。', required: false },
  { key: 'overall.oversight', level: 2, title: '监督保障', guidance: '写工作机构和人员配备、业务培训、考核和社会评议情况。', required: false },
  {
    key: 'active',
    level: 1,
    title: '主动公开政府信息情况',
    guidance: '按统一格式填写下面的统计表，数字在“指标”中录入；表格无需另加文字说明。',
    required: true
  },
  {
    key: 'requests',
    level: 1,
    title: '收到和处理政府信息公开申请情况',
    guidance: '按申请人类型填写统计表。合计行和总计列由系统自动计算，不需要手工填写；若提示数字不平衡，请核对各行数字。',
    required: true
  },
  {
    key: 'review',
    level: 1,
    title: '政府信息公开行政复议、行政诉讼情况',
    guidance: '填写本年度因政府信息公开引起的行政复议和行政诉讼数量及结果；各“总计”自动计算。没有案件时各格填 0。',
    required: true
  },
  {
    key: 'problems',
    level: 1,
    title: '存在的主要问题及改进情况',
    guidance: '写本年度工作中的不足和下一步改进措施，并说明上一年度报告所列问题的整改情况。',
    required: true
  },
  {
    key: 'other',
    level: 1,
    title: '其他需要报告的事项',
    guidance: '按规定写明依申请公开收取信息处理费的情况；没有的写“无”。也可写人大代表建议和政协提案办理结果的公开情况等。',
    required: true
  }
]

// ---- Table 二: four sub-tables ----------------------------------------------------------------

const countColumn = (key: string, label: string): MetricTableColumn => ({ key, label })

const table2a: MetricTableDefinition = {
  id: 'disclosure.t2a',
  title: '第二十条第（一）项',
  sectionKey: 'active',
  rowHeader: '信息内容',
  columns: [countColumn('issued', '本年制发件数'), countColumn('repealed', '本年废止件数'), countColumn('inForce', '现行有效件数')],
  rows: [
    { key: 'rules', label: '规章' },
    { key: 'normativeDocs', label: '行政规范性文件' }
  ],
  unitNote: '单位：件'
}

const table2e: MetricTableDefinition = {
  id: 'disclosure.t2e',
  title: '第二十条第（五）项',
  sectionKey: 'active',
  rowHeader: '信息内容',
  columns: [countColumn('decisions', '本年处理决定数量')],
  rows: [{ key: 'licensing', label: '行政许可' }],
  rowHeaderWidth: 1
}

const table2f: MetricTableDefinition = {
  id: 'disclosure.t2f',
  title: '第二十条第（六）项',
  sectionKey: 'active',
  rowHeader: '信息内容',
  columns: [countColumn('decisions', '本年处理决定数量')],
  rows: [
    { key: 'penalties', label: '行政处罚' },
    { key: 'coercion', label: '行政强制' }
  ],
  rowHeaderWidth: 1
}

const table2h: MetricTableDefinition = {
  id: 'disclosure.t2h',
  title: '第二十条第（八）项',
  sectionKey: 'active',
  rowHeader: '信息内容',
  columns: [countColumn('amount', '本年收费金额（单位：万元）')],
  rows: [{ key: 'fees', label: '行政事业性收费' }],
  rowHeaderWidth: 1
}

// ---- Table 三: applications received and handled --------------------------------------------

const APPLICANT_GROUP = '申请人情况'
const LEGAL_PERSON_GROUP = '法人或其他组织'

const table3Columns: MetricTableColumn[] = [
  { key: 'natural', label: '自然人', groups: [APPLICANT_GROUP] },
  { key: 'business', label: '商业企业', groups: [APPLICANT_GROUP, LEGAL_PERSON_GROUP] },
  { key: 'research', label: '科研机构', groups: [APPLICANT_GROUP, LEGAL_PERSON_GROUP] },
  { key: 'nonprofit', label: '社会公益组织', groups: [APPLICANT_GROUP, LEGAL_PERSON_GROUP] },
  { key: 'legalService', label: '法律服务机构', groups: [APPLICANT_GROUP, LEGAL_PERSON_GROUP] },
  { key: 'otherOrg', label: '其他', groups: [APPLICANT_GROUP, LEGAL_PERSON_GROUP] },
  { key: 'total', label: '总计', groups: [APPLICANT_GROUP] }
]

/** The six applicant columns the 总计 column adds up. */
export const TABLE3_APPLICANT_COLUMNS = table3Columns.filter((c) => c.key !== 'total').map((c) => c.key)

const sub = (key: string, label: string): MetricTableRow => ({ key, label, indent: 2 })

const table3Rows: MetricTableRow[] = [
  { key: 'received', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carriedIn', label: '二、上年结转政府信息公开申请数量' },
  { key: 'results', label: '三、本年度办理结果', heading: true },
  { key: 'disclosed', label: '（一）予以公开', indent: 1 },
  { key: 'partly', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', indent: 1 },
  { key: 'refused', label: '（三）不予公开', indent: 1, heading: true },
  sub('refused.stateSecret', '1.属于国家秘密'),
  sub('refused.lawForbids', '2.其他法律行政法规禁止公开'),
  sub('refused.security', '3.危及“三安全一稳定”'),
  sub('refused.thirdParty', '4.保护第三方合法权益'),
  sub('refused.internal', '5.属于三类内部事务信息'),
  sub('refused.process', '6.属于四类过程性信息'),
  sub('refused.enforcementFile', '7.属于行政执法案卷'),
  sub('refused.query', '8.属于行政查询事项'),
  { key: 'unable', label: '（四）无法提供', indent: 1, heading: true },
  sub('unable.notHeld', '1.本机关不掌握相关政府信息'),
  sub('unable.needsCreating', '2.没有现成信息需要另行制作'),
  sub('unable.unclear', '3.补正后申请内容仍不明确'),
  { key: 'notHandled', label: '（五）不予处理', indent: 1, heading: true },
  sub('notHandled.petition', '1.信访举报投诉类申请'),
  sub('notHandled.repeated', '2.重复申请'),
  sub('notHandled.publications', '3.要求提供公开出版物'),
  sub('notHandled.mass', '4.无正当理由大量反复申请'),
  sub('notHandled.confirm', '5.要求行政机关确认或重新出具已获取信息'),
  { key: 'otherHandling', label: '（六）其他处理', indent: 1, heading: true },
  sub('otherHandling.noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  sub('otherHandling.unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  sub('otherHandling.other', '3.其他'),
  { key: 'handledTotal', label: '（七）总计', indent: 1 },
  { key: 'carriedOut', label: '四、结转下年度继续办理' }
]

const table3: MetricTableDefinition = {
  id: 'disclosure.t3',
  title: '收到和处理政府信息公开申请情况',
  sectionKey: 'requests',
  rowHeader: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  columns: table3Columns,
  rows: table3Rows,
  unitNote: '单位：件',
  rowHeaderWidth: 5
}

/** The data rows between （一）予以公开 and （七）总计 that 总计 adds up. */
export const TABLE3_RESULT_ROWS = (() => {
  const from = table3Rows.findIndex((r) => r.key === 'disclosed')
  const to = table3Rows.findIndex((r) => r.key === 'handledTotal')
  return table3Rows.slice(from, to).filter((r) => !r.heading).map((r) => r.key)
})()

const t3 = (row: string, col: string) => metricTableCellId(table3.id, row, col)

const table3Metrics = buildTableMetrics(table3, {
  unit: '件',
  labelPrefix: '表三',
  computed: (row, col) => {
    if (col.key === 'total') return sumFormula(TABLE3_APPLICANT_COLUMNS.map((c) => t3(row.key, c)))
    if (row.key === 'handledTotal') return sumFormula(TABLE3_RESULT_ROWS.map((r) => t3(r, col.key)))
    return undefined
  }
})

// ---- Table 四: administrative review and litigation -----------------------------------------

const OUTCOMES: Array<[string, string]> = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['otherResult', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计']
]
const REVIEW_GROUPS: Array<[string, string[]]> = [
  ['review', ['行政复议']],
  ['suitDirect', ['行政诉讼', '未经复议直接起诉']],
  ['suitAfterReview', ['行政诉讼', '复议后起诉']]
]

const table4: MetricTableDefinition = {
  id: 'disclosure.t4',
  title: '政府信息公开行政复议、行政诉讼情况',
  sectionKey: 'review',
  rowHeader: '',
  columns: REVIEW_GROUPS.flatMap(([g, groups]) => OUTCOMES.map(([o, label]) => ({ key: `${g}.${o}`, label, groups }))),
  rows: [{ key: 'cases', label: '' }],
  unitNote: '单位：件'
}

const table4Metrics = buildTableMetrics(table4, {
  unit: '件',
  labelPrefix: '表四',
  computed: (row, col) => {
    const [group, outcome] = col.key.split('.')
    if (outcome !== 'total') return undefined
    return sumFormula(OUTCOMES.filter(([o]) => o !== 'total').map(([o]) => metricTableCellId(table4.id, row.key, `${group}.${o}`)))
  }
})

// ---- Checks ---------------------------------------------------------------------------------

// The format's own balance rule for Table 三, per applicant column: what came in this year plus
// what was carried in equals what was handled plus what is carried out.
const checks: MetricCheck[] = table3Columns.map((c) => ({
  id: `disclosure.t3.balance.${c.key}`,
  left: `{${t3('received', c.key)}} + {${t3('carriedIn', c.key)}}`,
  op: '=',
  right: `{${t3('handledTotal', c.key)}} + {${t3('carriedOut', c.key)}}`,
  message: `表三“${c.label}”列不平衡：本年新收加上年结转，应等于办理结果总计加结转下年度`
}))

export const GOV_DISCLOSURE_TABLES: MetricTableDefinition[] = [table2a, table2e, table2f, table2h, table3, table4]

const metrics: MetricDefinition[] = [
  ...buildTableMetrics(table2a, { unit: '件', labelPrefix: '表二（一）' }),
  ...buildTableMetrics(table2e, { unit: '件', labelPrefix: '表二（五）' }),
  ...buildTableMetrics(table2f, { unit: '件', labelPrefix: '表二（六）' }),
  ...buildTableMetrics(table2h, { unit: '万元', type: 'decimal', decimals: 4, labelPrefix: '表二（八）' }),
  ...table3Metrics,
  ...table4Metrics
]

export const GOV_DISCLOSURE_TEMPLATE: ReportTemplate = {
  id: GOV_DISCLOSURE_TEMPLATE_ID,
  version: 1,
  formatVersion: '2021',
  name: '政府信息公开工作年度报告',
  description: '依《政府信息公开条例》，按国务院办公厅2021年统一格式编写，含主动公开、依申请公开和复议诉讼三张统计表，合计数自动计算。',
  builtIn: true,
  titlePattern: '{organs}{year}年政府信息公开工作年度报告',
  defaultAddressee: '××县人民政府办公室',
  preambleGuidance: '可用一两句话说明本报告依据《政府信息公开条例》编制、统计期限和电子版的查阅网址。',
  sections,
  metrics,
  tables: GOV_DISCLOSURE_TABLES,
  checks
}
