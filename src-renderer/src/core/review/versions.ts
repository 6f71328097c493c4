// Versions of a report and their comparison: inserted and deleted text per section, and the
// figures that changed ("日常巡查次数 120次 → 126次"). Pure; the diff runs on plain text.
import { diffChars } from 'diff'
import type { BlockJSON, ReportMeta } from '../report'
import type { MetricDefinition, MetricValue, ReportTemplate } from '../template'
import { metricChipText, valuesById } from '../metrics'
import { canonicalJSON, sha256Hex } from './audit'
import { settleSuggestions } from './marks'
import type { Role } from './workflow'

export type VersionKind = 'submit' | 'manual' | 'before-restore' | 'approved'

export const VERSION_KIND_LABELS: Record<VersionKind, string> = {
  submit: '送审',
  manual: '手动保存',
  'before-restore': '恢复前自动保存',
  approved: '审核通过'
}

/** What a version holds: everything needed to show, compare or restore the report's content. */
export interface ReportContent {
  meta: ReportMeta
  sections: BlockJSON[]
  values: MetricValue[]
}

/**
 * What the versions list shows: everything about a version except its content. Stored on its
 * own (schema v5), so listing 50 versions reads 50 small rows, not 50 copies of the report.
 */
export interface VersionMeta {
  id: string
  reportId: string
  label: string
  kind: VersionKind
  createdAt: number
  role: Role
  name: string
  /** SHA-256 of the content (see contentHash), to tell identical versions apart at a glance. */
  contentHash: string
  /**
   * UTF-8 bytes of the content as JSON, and of what saving it added to storage (the sections
   * no earlier version of the report had, plus the version's list of them). Absent on
   * versions saved before schema v5.
   */
  size?: { content: number; stored: number }
}

/** A version with its content, as saved (reconstructed exactly by db/review.ts getVersion). */
export type VersionSnapshot = VersionMeta & ReportContent

/**
 * SHA-256 over the canonical JSON of title/meta, sections (comments and suggestions included,
 * ids and all) and the figures, sorted by metric id. Approval records it; the export checks
 * that what it writes still has it.
 */
export function contentHash(content: ReportContent): Promise<string> {
  const values = [...content.values]
    .map(({ metricId, value, qualifier }) => ({ metricId, value, qualifier }))
    .sort((a, b) => (a.metricId < b.metricId ? -1 : a.metricId > b.metricId ? 1 : 0))
  return sha256Hex(canonicalJSON({ meta: content.meta, sections: content.sections, values }))
}

export interface DiffPart {
  kind: 'same' | 'ins' | 'del'
  text: string
}

export interface BlockDiff {
  id: string
  /** Heading text in the newer version (or the older one, if the block was removed). */
  title: string
  status: 'same' | 'changed' | 'added' | 'removed'
  parts: DiffPart[]
}

export interface MetricChange {
  metricId: string
  label: string
  before: string
  after: string
}

export interface VersionDiff {
  blocks: BlockDiff[]
  metrics: MetricChange[]
  /** Number of changed blocks plus changed figures: 0 means the versions read the same. */
  changeCount: number
}

const EMPTY_VALUE = '未填'

function blockText(block: BlockJSON, chip: (id: string) => string): string {
  return block.content
    .map((container) =>
      (container.content ?? [])
        .map((n) => (n.type === 'text' ? n.text : n.type === 'metric' ? chip(n.attrs.metricId) : '\n'))
        .join('')
    )
    .join('\n')
}

function blockTitle(block: BlockJSON): string {
  if (block.type === 'preamble') return '导语'
  return (block.content[0]?.content ?? []).map((n) => (n.type === 'text' ? n.text : '')).join('') || '（无标题）'
}

function chipLookup(template: ReportTemplate, values: readonly MetricValue[]): (id: string) => string {
  const defs = new Map<string, MetricDefinition>(template.metrics.map((m) => [m.id, m]))
  const byId = valuesById(values)
  return (id) => metricChipText(defs.get(id), byId.get(id)).text
}

function valueText(def: MetricDefinition, v: MetricValue | undefined): string {
  const { text, missing } = metricChipText(def, v)
  return missing ? EMPTY_VALUE : text
}

/**
 * Compares two contents. Pending suggestions are compared as not yet made (the text as it
 * stands); blocks are matched by id, so a moved or renumbered section is not a change.
 */
export function diffContents(older: ReportContent, newer: ReportContent, template: ReportTemplate): VersionDiff {
  const a = settleSuggestions({ content: older.sections }, 'reject').content
  const b = settleSuggestions({ content: newer.sections }, 'reject').content
  const chipA = chipLookup(template, older.values)
  const chipB = chipLookup(template, newer.values)
  const oldById = new Map(a.map((blk) => [blk.attrs.id, blk]))
  const newIds = new Set(b.map((blk) => blk.attrs.id))

  const diffs: BlockDiff[] = []
  const removedAfter = new Map<string | null, BlockJSON[]>()
  let previous: string | null = null
  for (const blk of a) {
    if (!newIds.has(blk.attrs.id)) {
      const list = removedAfter.get(previous) ?? []
      list.push(blk)
      removedAfter.set(previous, list)
    } else previous = blk.attrs.id
  }
  const pushRemoved = (after: string | null) => {
    for (const blk of removedAfter.get(after) ?? []) {
      diffs.push({ id: blk.attrs.id, title: blockTitle(blk), status: 'removed', parts: [{ kind: 'del', text: blockText(blk, chipA) }] })
    }
  }
  pushRemoved(null)
  for (const blk of b) {
    const before = oldById.get(blk.attrs.id)
    const textB = blockText(blk, chipB)
    if (!before) {
      diffs.push({ id: blk.attrs.id, title: blockTitle(blk), status: 'added', parts: [{ kind: 'ins', text: textB }] })
    } else {
      const textA = blockText(before, chipA)
      if (textA === textB) {
        diffs.push({ id: blk.attrs.id, title: blockTitle(blk), status: 'same', parts: [{ kind: 'same', text: textB }] })
      } else {
        const parts = diffChars(textA, textB).map((c): DiffPart => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }))
        diffs.push({ id: blk.attrs.id, title: blockTitle(blk), status: 'changed', parts })
      }
    }
    pushRemoved(blk.attrs.id)
  }

  const metrics: MetricChange[] = []
  const oldValues = valuesById(older.values)
  const newValues = valuesById(newer.values)
  for (const def of template.metrics) {
    const before = valueText(def, oldValues.get(def.id))
    const after = valueText(def, newValues.get(def.id))
    if (before !== after) metrics.push({ metricId: def.id, label: def.label, before, after })
  }

  const titleChanged = older.meta.title !== newer.meta.title
  const changeCount = diffs.filter((d) => d.status !== 'same').length + metrics.length + (titleChanged ? 1 : 0)
  return { blocks: diffs, metrics, changeCount }
}

/** "日常巡查次数 120次 → 126次" */
export function describeMetricChange(change: MetricChange): string {
  return `${change.label} ${change.before} → ${change.after}`
}
