// 落款与成文日期: a signature must be there; the date is written in Arabic numerals and falls
// between the start of the report year and today.
import type { CheckItem, CheckRule } from './types'
import { item } from './units'

const ARABIC_DATE = /^\d{4}年[1-9]\d?月[1-9]\d?日$/

export const signatureDate: CheckRule = {
  id: 'signature-date',
  family: 'completeness',
  name: '落款或成文日期有误',
  run({ report, year, date, today }) {
    const out: CheckItem[] = []
    const at = { kind: 'field' as const, field: 'date' as const }
    if (report.signatures.length === 0) {
      out.push(item(this, '必须修改', '落款', { kind: 'field', field: 'signature' }, '没有发文机关署名，请在“报告信息”中填写发文机关'))
    }
    if (!report.dateText) {
      out.push(item(this, '必须修改', '成文日期', at, '没有成文日期，请在“报告信息”中选择成文日期'))
      return out
    }
    if (!ARABIC_DATE.test(report.dateText)) {
      out.push(item(this, '必须修改', '成文日期', at, `成文日期“${report.dateText}”应使用阿拉伯数字、年份写全、月日不加0，例如“2025年1月5日”`))
    }
    if (date > today) {
      out.push(item(this, '必须修改', '成文日期', at, `成文日期“${report.dateText}”晚于今天，请在“报告信息”中改为实际成文的日期`))
    } else if (date < `${year}-01-01`) {
      out.push(item(this, '必须修改', '成文日期', at, `成文日期“${report.dateText}”早于报告年度（${year}年），请核对年度或成文日期`))
    } else if (date > `${year + 1}-12-31`) {
      out.push(item(this, '建议检查', '成文日期', at, `成文日期“${report.dateText}”比报告年度（${year}年）晚一年以上，请核对年度或成文日期`))
    }
    return out
  }
}
