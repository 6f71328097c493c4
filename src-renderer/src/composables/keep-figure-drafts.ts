// A figure typed into a form and not yet confirmed is kept when the page goes away (reload,
// window closed): leaving a page does not fire the field's change event. The desktop window
// also waits for it before closing (services/before-close.ts).
import { onBeforeUnmount, onMounted } from 'vue'
import { useMetricsStore } from '../stores/metrics'
import { beforeWindowCloses } from '../services/before-close'

export function useKeepFigureDrafts(drafts: Readonly<Record<string, string>>): void {
  const metrics = useMetricsStore()
  const keep = () => metrics.keepUnconfirmed(drafts)
  const onPageHide = () => void keep().catch(() => {})
  let stopWaitingAtClose: () => void = () => {}
  onMounted(() => {
    window.addEventListener('pagehide', onPageHide)
    stopWaitingAtClose = beforeWindowCloses(keep)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('pagehide', onPageHide)
    stopWaitingAtClose()
  })
}
