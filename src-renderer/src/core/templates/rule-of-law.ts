// Built-in template: 法治政府建设年度报告, the report every township owes its superiors under the
// 2019 督察工作规定. Section order follows the regulation's five items; item 1 is split into the
// sub-areas townships actually write about so the clerk starts from a usable outline.
import type { MetricDefinition, Qualifier, ReportTemplate, TemplateSection } from '../template'

/** Figures a clerk may soften: counts gathered from ledgers are usually approximate. */
const APPROX: Qualifier[] = ['余', '多', '约']

const sections: TemplateSection[] = [
  {
    key: 'measures',
    level: 1,
    title: '{year}年度推进法治政府建设的主要举措和成效',
    guidance: '按工作领域分条写清本年度做了什么、取得了什么成效，每条尽量用数字说话（次数、件数、人次等可在右侧“指标”中填写后插入）。',
    required: true
  },
  {
    key: 'measures.functions',
    level: 2,
    title: '依法全面履行政府职能',
    guidance: '写权责清单的调整和公布、职权运行流程的梳理，以及乡镇承接下放事项的情况。',
    required: false
  },
  {
    key: 'measures.enforcement',
    level: 2,
    title: '严格规范公正文明执法',
    guidance: '写执法队伍建设（持证上岗、培训）、执法“三项制度”落实情况，以及日常巡查、专项整治的次数和查处结果。',
    required: false
  },
  {
    key: 'measures.decisions',
    level: 2,
    title: '推进重大行政决策科学化、民主化、法治化',
    guidance: '写“三重一大”事项如何集体讨论决定，公众参与、专家论证、合法性审查等程序的执行情况，可列出本年度经过程序的决策事项数。',
    required: false
  },
  {
    key: 'measures.openness',
    level: 2,
    title: '全面推进政务公开',
    guidance: '写公开的渠道（公开栏、门户网站等）、重点公开的内容，以及全年公开信息的条数。',
    required: false
  },
  {
    key: 'measures.business',
    level: 2,
    title: '深化“放管服”改革，持续优化营商环境',
    guidance: '写便民服务中心建设、办事流程精简、规范性文件清理和为市场主体办实事的具体做法。',
    required: false
  },
  {
    key: 'measures.oversight',
    level: 2,
    title: '强化对行政权力的制约和监督',
    guidance: '写自觉接受人大、政协、群众和舆论监督的情况，以及行政复议、行政应诉案件的数量和办理结果；没有案件也可写明。',
    required: false
  },
  {
    key: 'measures.legalEducation',
    level: 2,
    title: '深入开展法治宣传教育',
    guidance: '写“谁执法谁普法”责任落实、重要节点的主题宣传、法治进校园等活动，写明活动场次、受众人数和发放资料数量。',
    required: false
  },
  {
    key: 'measures.legalServices',
    level: 2,
    title: '发挥法律顾问作用，完善公共法律服务',
    guidance: '写政府法律顾问的聘请和参与决策、审查合同的情况，以及村（社区）法律顾问入村服务的次数和服务人次。',
    required: false
  },
  {
    key: 'measures.disputes',
    level: 2,
    title: '依法有效化解社会矛盾纠纷',
    guidance: '写人民调解、行政调解、司法调解衔接的机制，矛盾纠纷排查和台账管理情况，以及全年化解纠纷的数量。',
    required: false
  },
  {
    key: 'shortcomings',
    level: 1,
    title: '{year}年度推进法治政府建设存在的不足和原因',
    guidance: '实事求是地写两三条主要问题，每条先写表现、再写原因，避免空泛表态。',
    required: true
  },
  {
    key: 'shortcomings.causes',
    level: 2,
    title: '存在的主要不足及原因',
    guidance: '可从干部法治意识、普法实效、执法力量和专业人才等方面查找问题并分析原因。',
    required: false
  },
  {
    key: 'shortcomings.rectification',
    level: 2,
    title: '问题整改落实情况',
    guidance: '针对上面列出的问题逐条写已经采取的整改措施和效果，与问题一一对应。',
    required: false
  },
  {
    key: 'leadership',
    level: 1,
    title: '{year}年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    guidance: '写党政主要负责人如何亲自部署、研究法治建设工作：领导小组的组成和分工、专题会议次数、述法和学法情况。',
    required: true
  },
  {
    key: 'plan',
    level: 1,
    title: '{nextYear}年度推进法治政府建设的主要安排',
    guidance: '针对本年度的不足，写下一年度准备做的几件具体事情，做到措施明确、可以检查。',
    required: true
  },
  {
    key: 'other',
    level: 1,
    title: '其他需要报告的情况',
    guidance: '没有其他需要报告的事项时可删除本节。',
    required: false
  }
]

const metrics: MetricDefinition[] = [
  {
    id: 'enforcement.certifiedRate',
    label: '执法人员持证上岗率',
    aliases: ['持证上岗率', '执法证持证率', '持证执法率'],
    unit: '%',
    type: 'percent',
    min: 0,
    max: 100,
    decimals: 1,
    qualifiers: [],
    sectionKey: 'measures.enforcement',
    hint: '持有执法证件的执法人员占全部执法人员的比例'
  },
  {
    id: 'enforcement.patrols',
    label: '日常巡查次数',
    aliases: ['日常巡查', '巡查检查', '巡回检查'],
    unit: '次',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.enforcement',
    hint: '综合执法队全年开展日常巡查的次数'
  },
  {
    id: 'enforcement.streetVendingCorrected',
    label: '纠正违法占道经营起数',
    aliases: ['占道经营', '违法占道', '规范占道经营'],
    unit: '起',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.enforcement'
  },
  {
    id: 'enforcement.environmentCampaigns',
    label: '环境检查专项行动次数',
    aliases: ['环境检查专项行动', '环境整治专项行动', '环保专项检查', '环境专项检查'],
    unit: '次',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.enforcement'
  },
  {
    id: 'enforcement.polluterInterviews',
    label: '约见排污企业户次',
    aliases: ['约见排污企业', '约谈排污企业', '约谈企业', '约见企业'],
    unit: '户次',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.enforcement',
    hint: '同一企业被约见多次按次数累计'
  },
  {
    id: 'enforcement.dryingSitesClosed',
    label: '查处煤泥晾晒场个数',
    aliases: ['煤泥晾晒场', '查处晾晒场', '取缔晾晒场'],
    unit: '个',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.enforcement'
  },
  {
    id: 'enforcement.dryingSitesReclaimed',
    label: '晾晒场复耕个数',
    aliases: ['晾晒场复耕', '复耕'],
    unit: '个',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.enforcement'
  },
  {
    id: 'enforcement.landCases',
    label: '发现土地违法案件起数',
    aliases: ['土地违法案件', '土地违法', '违法占地', '违法用地'],
    unit: '起',
    type: 'integer',
    min: 0,
    qualifiers: [],
    sectionKey: 'measures.enforcement'
  },
  {
    id: 'decisions.majorDecisions',
    label: '重大行政决策事项数',
    aliases: ['重大行政决策', '重大决策事项'],
    unit: '项',
    type: 'integer',
    min: 0,
    qualifiers: [],
    sectionKey: 'measures.decisions',
    hint: '经集体讨论决定的重大行政决策事项'
  },
  {
    id: 'openness.itemsPublished',
    label: '公开政务信息条数',
    aliases: ['公开政务信息', '发布政务信息', '公开政府信息'],
    unit: '条',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.openness'
  },
  {
    id: 'oversight.reconsiderationCases',
    label: '行政复议案件数',
    aliases: ['行政复议', '复议案件'],
    unit: '件',
    type: 'integer',
    min: 0,
    qualifiers: [],
    sectionKey: 'measures.oversight',
    hint: '以本机关为被申请人的行政复议案件'
  },
  {
    id: 'oversight.litigationCases',
    label: '行政诉讼案件数',
    aliases: ['行政诉讼', '诉讼案件', '行政应诉', '应诉案件'],
    unit: '件',
    type: 'integer',
    min: 0,
    qualifiers: [],
    sectionKey: 'measures.oversight',
    hint: '以本机关为被告的行政诉讼案件'
  },
  {
    id: 'education.schoolBeneficiaries',
    label: '法治进校园受益人数',
    aliases: ['法治进校园', '受益学生', '受益师生'],
    unit: '人',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.legalEducation'
  },
  {
    id: 'education.campaigns',
    label: '大型法律宣传活动场次',
    aliases: ['法律宣传活动', '普法宣传活动', '普法活动', '法治宣传活动'],
    unit: '场',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.legalEducation'
  },
  {
    id: 'education.consultations',
    label: '接待法律咨询人次',
    aliases: ['法律咨询', '接受咨询', '解答咨询'],
    unit: '人次',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.legalEducation'
  },
  {
    id: 'education.materials',
    label: '派发宣传资料份数',
    aliases: ['宣传资料', '宣传册', '普法资料'],
    unit: '份（册）',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.legalEducation'
  },
  {
    id: 'legalServices.villageVisits',
    label: '法律顾问入村服务次数',
    aliases: ['法律顾问入村', '顾问进村', '入村服务'],
    unit: '次',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.legalServices'
  },
  {
    id: 'legalServices.peopleServed',
    label: '法律顾问服务人次',
    aliases: ['法律顾问服务', '顾问服务群众'],
    unit: '人次',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.legalServices'
  },
  {
    id: 'disputes.resolved',
    label: '化解矛盾纠纷起数',
    aliases: ['化解矛盾纠纷', '调解矛盾纠纷', '化解纠纷', '调处纠纷'],
    unit: '起',
    type: 'integer',
    min: 0,
    qualifiers: APPROX,
    sectionKey: 'measures.disputes'
  }
]

export const RULE_OF_LAW_TEMPLATE: ReportTemplate = {
  id: 'rule-of-law-annual',
  version: 1,
  name: '法治政府建设年度报告',
  description: '按《法治政府建设与责任落实督察工作规定》要求，每年向上级党委、政府报告上一年度法治政府建设情况。',
  builtIn: true,
  titlePattern: '{organs}关于{year}年法治政府建设情况的报告',
  defaultAddressee: '中共××县委、××县人民政府',
  preambleGuidance: '用一段话概括本年度法治政府建设的总体思路和总体成效，结尾写“现将有关情况报告如下：”之类的过渡句。',
  sections,
  metrics
}
