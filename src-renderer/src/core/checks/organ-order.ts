// 联合行文顺序: a joint Party–government report names the Party committee first (in the
// signature and the title); an addressee naming the government first is worth a look.
import type { CheckItem, CheckRule } from './types'
import { item } from './units'

const PARTY = /中共|党委|党工委|委员会/
const GOV = /人民政府|政府|办事处/

export function governmentFirst(organs: readonly string[]): boolean {
  const party = organs.findIndex((o) => PARTY.test(o) && !/政府/.test(o))
  const gov = organs.findIndex((o) => GOV.test(o) && !PARTY.test(o))
  return party >= 0 && gov >= 0 && gov < party
}

export const organOrder: CheckRule = {
  id: 'organ-order',
  family: 'format',
  name: '联合行文机关顺序',
  run({ report }) {
    const out: CheckItem[] = []
    if (governmentFirst(report.signatures)) {
      out.push(item(this, '必须修改', '落款', { kind: 'field', field: 'signature' }, '联合行文时党委应在政府之前；请在“报告信息”中把党委机关排在第一位'))
    }
    const head = report.title.split('关于')[0]
    if (head !== report.title && governmentFirst(head.split(/[\s、]+/).filter(Boolean))) {
      out.push(item(this, '必须修改', '标题', { kind: 'field', field: 'title', start: 0, end: head.length }, '标题中的发文机关应党委在前、政府在后；请调整标题'))
    }
    if (governmentFirst(report.addressee.replace(/[：:]$/, '').split(/[、，,\s]+/).filter(Boolean))) {
      out.push(item(this, '建议检查', '主送机关', { kind: 'field', field: 'addressee' }, '主送机关同时有党委和政府时，一般党委在前；请核对顺序'))
    }
    return out
  }
}
