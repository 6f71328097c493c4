// The page view's 批注: the report's comment threads read from the database, numbered in reading
// order, and the "显示批注" choice (on by default when there are open comments).
import { computed, onMounted, ref, shallowRef } from 'vue'
import type { PageBlock } from '@core/pages/blocks'
import { numberOpenThreads, threadNumbers } from '@core/pages/comments'
import type { CommentThread } from '@core/review/threads'
import { listReportComments } from '../../services/review'

export function usePageComments(reportId: () => string, blocks: () => readonly PageBlock[] | undefined) {
  const threads = shallowRef<CommentThread[]>([])
  const error = ref('')
  /** null until the user ticks or unticks the box. */
  const choice = ref<boolean | null>(null)

  const numbered = computed(() => numberOpenThreads(blocks() ?? [], threads.value))
  const show = computed<boolean>({
    // A read failure is shown in the margin, so the margin opens for it too.
    get: () => choice.value ?? (numbered.value.length > 0 || error.value !== ''),
    set: (value) => {
      choice.value = value
    }
  })
  /** What the sheets highlight: nothing when hidden. */
  const highlights = computed(() => (show.value ? threadNumbers(numbered.value) : undefined))

  async function load(): Promise<void> {
    try {
      threads.value = await listReportComments(reportId())
      error.value = ''
    } catch (e) {
      error.value = `读取批注失败：${e instanceof Error ? e.message : String(e)}。请返回编辑后重新打开页面视图。`
    }
  }
  onMounted(load)

  return { numbered, show, highlights, error, load }
}
