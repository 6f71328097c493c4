// The print app: what the PDF's hidden window (Electron) and 导出PDF's print window (browser)
// load. Only the report's sheets: no router, app shell, Element Plus, editor, backups or
// audit anchor — the page reads the report and lays it out, nothing else (the full app's start
// cost most of the PDF's time). main.ts chooses it by the location before anything else loads.
import '../zod-config'
import '../styles/base.css'
import { createApp } from 'vue'
import PrintView from '../views/PrintView.vue'
import type { PrintRoute } from './route'

export function bootPrint(route: PrintRoute): void {
  createApp(PrintView, { id: route.id, print: route.print, measure: route.measure }).mount('#app')
  // Sent elsewhere by a hash change (this app has no router), the page loads again, and main.ts
  // starts whatever the new location is: the app, or the print app on another route.
  window.addEventListener('hashchange', () => location.reload())
}
