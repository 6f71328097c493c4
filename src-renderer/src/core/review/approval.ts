// What an approval covers: the report exactly as the exporters see it. At 审核通过 the inputs
// of every exporter — text, figures with qualifiers, last year's figures for 同比 chips and the
// 附去年数值 column, the layout profile, the signature rule and the attachments — are frozen in
// a snapshot, and the SHA-256 of the resolved output (ResolvedReport + profile + signature rule
// + attachments) is recorded. Both exports resolve from the snapshot, after checking that the
// stored report still equals it and that the output still hashes to the approved value.
import type { BlockJSON, Report, ReportDocJSON, ReportMeta } from '../report'
import type { MetricDefinition, MetricValue, ReportTemplate } from '../template'
import { withReportMetrics } from '../report-metrics'
import type { ResolvedReport } from '../resolved'
import type { LayoutProfile } from '../layout'
import type { Attachment } from '../pages/attachments'
import type { SignatureRule } from '../pages/signature'
import { effectiveLayout, type ReportLayoutSettings } from '../pages/settings'
import { reportLayout } from '../pages/report-layout'
import { SIGNATURE_RULE_LABELS } from '../pages/signature'
import { resolveReport } from '../resolve'
import { metricChipText, valuesById } from '../metrics'
import { canonicalJSON, sha256Hex } from './audit'
import { contentHash } from './versions'

/** Everything an export reads, frozen at approval (stored on the approved version). */
export interface ApprovalSnapshot {
  meta: ReportMeta
  sections: BlockJSON[]
  values: MetricValue[]
  /** The report's layout settings as stored (null: the defaults). */
  layout: ReportLayoutSettings | null
  previousReportId: string | null
  /** Last year's figures as they were at approval (null when not linked). */
  previousValues: MetricValue[] | null
  /** The report's own metric definitions (labels, units: they reach the text). */
  ownMetrics: MetricDefinition[] | null
  templateId: string
  templateVersion: number
}

/** The parts of the snapshot kept on the approved version row beside its content. */
export type FrozenInputs = Omit<ApprovalSnapshot, 'meta' | 'sections' | 'values'>

/** What the exporters produce from a snapshot: the resolved text and the layout of its pages. */
export interface ApprovedOutput {
  /** The template as this report sees it (with its own metrics). */
  template: ReportTemplate
  resolved: ResolvedReport
  profile: LayoutProfile
  signatureRule: SignatureRule
  attachments: Attachment[]
}

function sortedValues(values: readonly MetricValue[]): MetricValue[] {
  return [...values]
    .map(({ metricId, value, qualifier }) => ({ metricId, value, qualifier }))
    .sort((a, b) => (a.metricId < b.metricId ? -1 : a.metricId > b.metricId ? 1 : 0))
}

/**
 * A snapshot from the stored report and its content; `previousValues` are last year's now, as
 * the report bundle matches them to this report's metrics (services/report-bundle.ts).
 */
export function takeSnapshot(report: Report, content: { meta: ReportMeta; sections: BlockJSON[]; values: MetricValue[] }, previousValues: readonly MetricValue[] | null): ApprovalSnapshot {
  return structuredClone({
    meta: content.meta,
    sections: content.sections,
    values: sortedValues(content.values),
    layout: report.layout ?? null,
    previousReportId: report.previousReportId ?? null,
    previousValues: report.previousReportId && previousValues ? sortedValues(previousValues) : null,
    ownMetrics: report.ownMetrics?.length ? report.ownMetrics : null,
    templateId: report.templateId,
    templateVersion: report.templateVersion
  })
}

/** The report row an exporter needs, rebuilt from the snapshot (status and dates do not matter). */
export function snapshotReport(snapshot: ApprovalSnapshot, id: string): Report {
  return {
    id,
    templateId: snapshot.templateId,
    templateVersion: snapshot.templateVersion,
    previousReportId: snapshot.previousReportId,
    meta: snapshot.meta,
    status: 'approved',
    sectionOrder: snapshot.sections.map((s) => s.attrs.id),
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    ...(snapshot.layout ? { layout: snapshot.layout } : {}),
    ...(snapshot.ownMetrics ? { ownMetrics: snapshot.ownMetrics } : {})
  }
}

/**
 * The one resolution both exporters use for an approved report (and the hash covers).
 * `base`: the template version the report was made from; the report's own metrics are added.
 */
export function approvedOutput(snapshot: ApprovalSnapshot, base: ReportTemplate, reportId = 'approved'): ApprovedOutput {
  const report = snapshotReport(snapshot, reportId)
  const template = withReportMetrics(base, report)
  const doc = { type: 'doc', content: snapshot.sections } as ReportDocJSON
  const previousValues = snapshot.previousValues ?? undefined
  const resolved = resolveReport(report, doc, template, snapshot.values, { previousValues })
  const layout = reportLayout(report, template, snapshot.values, previousValues)
  return { template, resolved, profile: layout.profile, signatureRule: layout.signatureRule, attachments: layout.attachments }
}

/** SHA-256 of the resolved output: what the leader approved is what this hash names. */
export function outputHash(output: ApprovedOutput): Promise<string> {
  return sha256Hex(canonicalJSON({ scheme: 2, resolved: output.resolved, profile: output.profile, signatureRule: output.signatureRule, attachments: output.attachments }))
}

function sectionTitle(block: BlockJSON): string {
  if (block.type === 'preamble') return '导语'
  return (block.content[0]?.content ?? []).map((n) => (n.type === 'text' ? n.text : '')).join('') || '（无标题）'
}

/**
 * What differs between the approved snapshot and the report as stored now, in Chinese, one
 * item per part ("正文：一、主要做法", "指标：日常巡查次数 126次 → 999余次", "排版方案"…).
 * Last year's figures are not compared: the snapshot's are the ones used.
 */
export function snapshotDifferences(approved: ApprovalSnapshot, live: ApprovalSnapshot, template: ReportTemplate): string[] {
  const out: string[] = []
  const same = (a: unknown, b: unknown) => canonicalJSON(a ?? null) === canonicalJSON(b ?? null)
  if (approved.meta.title !== live.meta.title) out.push('标题')
  const { title: _a, ...metaA } = approved.meta
  const { title: _b, ...metaB } = live.meta
  if (!same(metaA, metaB)) out.push('报告信息（发文机关、主送机关、年度或成文日期）')
  if (approved.templateId !== live.templateId || approved.templateVersion !== live.templateVersion) out.push('报告模板')
  if (!same(approved.ownMetrics, live.ownMetrics)) out.push('本报告自设指标（名称、单位等）')

  const before = new Map(approved.sections.map((s) => [s.attrs.id, s]))
  const after = new Map(live.sections.map((s) => [s.attrs.id, s]))
  for (const s of live.sections) {
    const old = before.get(s.attrs.id)
    if (!old) out.push(`正文：新增“${sectionTitle(s)}”`)
    else if (!same(old, s)) out.push(`正文：“${sectionTitle(s)}”`)
  }
  for (const s of approved.sections) if (!after.has(s.attrs.id)) out.push(`正文：删除了“${sectionTitle(s)}”`)
  const orderA = approved.sections.map((s) => s.attrs.id).filter((id) => after.has(id))
  const orderB = live.sections.map((s) => s.attrs.id).filter((id) => before.has(id))
  if (!same(orderA, orderB)) out.push('章节顺序')

  const defs = new Map(withReportMetrics(template, snapshotReport(approved, '')).metrics.map((m) => [m.id, m]))
  const va = valuesById(approved.values)
  const vb = valuesById(live.values)
  for (const id of [...new Set([...va.keys(), ...vb.keys()])].sort()) {
    const a = va.get(id)
    const b = vb.get(id)
    if (same(a && { value: a.value, qualifier: a.qualifier }, b && { value: b.value, qualifier: b.qualifier })) continue
    const def = defs.get(id)
    const text = (v: MetricValue | undefined) => (metricChipText(def, v).missing ? '未填' : metricChipText(def, v).text)
    out.push(`指标：${def?.label ?? id} ${text(a)} → ${text(b)}`)
  }

  const la = effectiveLayout(approved.layout ?? undefined)
  const lb = effectiveLayout(live.layout ?? undefined)
  if (la.profile.id !== lb.profile.id) out.push(`排版方案：${la.profile.name} → ${lb.profile.name}`)
  if (la.signatureRule !== lb.signatureRule) out.push(`落款方式：${SIGNATURE_RULE_LABELS[la.signatureRule]} → ${SIGNATURE_RULE_LABELS[lb.signatureRule]}`)
  if (la.metricTable !== lb.metricTable) out.push(`附指标汇总表：${la.metricTable ? '附' : '不附'} → ${lb.metricTable ? '附' : '不附'}`)
  if (la.previousYearColumn !== lb.previousYearColumn) out.push('附去年数值')
  if (!same(la.attachments, lb.attachments)) out.push('附件')
  if ((approved.previousReportId ?? null) !== (live.previousReportId ?? null)) out.push('关联的去年报告')
  return out
}

/** The snapshot of an approval: the approved version's content with the frozen inputs. */
export function snapshotFromVersion(version: { meta: ReportMeta; sections: BlockJSON[]; values: MetricValue[] }, frozen: FrozenInputs): ApprovalSnapshot {
  return structuredClone({ ...frozen, ownMetrics: frozen.ownMetrics ?? null, meta: version.meta, sections: version.sections, values: sortedValues(version.values) })
}

/** The frozen inputs of a snapshot (what the approval record keeps beside the version). */
export function frozenInputs(snapshot: ApprovalSnapshot): FrozenInputs {
  const { meta: _m, sections: _s, values: _v, ...frozen } = snapshot
  return structuredClone(frozen)
}

/** What checking an approved report needs: the approved version and frozen inputs, the report as stored now. */
export interface ApprovedCheckJob {
  version: { meta: ReportMeta; sections: BlockJSON[]; values: MetricValue[] }
  frozen: FrozenInputs
  report: Report
  content: { meta: ReportMeta; sections: BlockJSON[]; values: MetricValue[] }
  /** The exact template version the snapshot was made from. */
  template: ReportTemplate
  reportId: string
  /** Return the snapshot too (the page view needs it; an export does not, so it does not cross back). */
  keepSnapshot?: boolean
  /** The approved content hash: the version (stored as shared sections) must still hash to it. */
  versionHash?: string
}

export type ApprovedCheck =
  | { ok: false; differences: string[]; /** The version no longer hashes to what was approved. */ versionChanged?: boolean }
  | { ok: true; output: ApprovedOutput; hash: string; snapshot?: ApprovalSnapshot }

/**
 * The pure part of verifying an approved report: the differences between the approved
 * snapshot and the report as stored (any refuses the export), else the output and its hash.
 * Plain data in and out, so the report worker can run it (at 200 pages it is ~0.4 s of CPU).
 */
export async function checkApproved(job: ApprovedCheckJob): Promise<ApprovedCheck> {
  if (job.versionHash !== undefined && (await contentHash(job.version)) !== job.versionHash) return { ok: false, differences: [], versionChanged: true }
  const snapshot = snapshotFromVersion(job.version, job.frozen)
  const differences = snapshotDifferences(snapshot, takeSnapshot(job.report, job.content, null), job.template)
  if (differences.length) return { ok: false, differences }
  const output = approvedOutput(snapshot, job.template, job.reportId)
  return { ok: true, output, hash: await outputHash(output), ...(job.keepSnapshot ? { snapshot } : {}) }
}
