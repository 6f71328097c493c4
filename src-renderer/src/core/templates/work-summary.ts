// Built-in template: 年度工作总结, the most common yearly report. A generic three-part outline;
// the clerk adds sub-sections for their own lines of work, and metrics of their own.
import type { ReportTemplate } from '../template'

export const WORK_SUMMARY_TEMPLATE: ReportTemplate = {
  id: 'annual-work-summary',
  version: 1,
  name: '年度工作总结',
  description: '通用的年度工作总结：工作开展情况、存在的问题、下一步打算三部分，各部分下可自由增加小标题。',
  builtIn: true,
  titlePattern: '{organs}{year}年工作总结',
  defaultAddressee: '××县人民政府',
  preambleGuidance: '开头用两三句话交代本年度工作的总体情况和主要成绩，然后写“现将有关情况总结如下：”。',
  sections: [
    {
      key: 'work',
      level: 1,
      title: '{year}年工作开展情况',
      guidance: '按业务条线分几个小标题来写（可用左侧“添加章节”后“降低层级”增加），每条先写做法再写成效，成效尽量量化。',
      required: true
    },
    {
      key: 'work.first',
      level: 2,
      title: '（请改为第一项重点工作）',
      guidance: '例如“聚焦产业发展，经济运行稳中有进”：写主要做法、完成的指标和群众得到的实惠。不需要的小标题可以删除。',
      required: false
    },
    {
      key: 'work.second',
      level: 2,
      title: '（请改为第二项重点工作）',
      guidance: '按同样的写法继续，各小标题之间字数大体均衡。',
      required: false
    },
    {
      key: 'problems',
      level: 1,
      title: '存在的问题',
      guidance: '实事求是写两三条突出问题，点明原因，避免只写客观原因。',
      required: true
    },
    {
      key: 'plan',
      level: 1,
      title: '{nextYear}年工作打算',
      guidance: '针对存在的问题写明年的重点任务和具体措施，做到可量化、可检查。',
      required: true
    }
  ],
  metrics: []
}
