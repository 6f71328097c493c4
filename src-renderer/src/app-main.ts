// The app: database first (with a clear page when it cannot open), then the shell and router.
import './zod-config'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { getDatabase } from './db/database'
import { databaseOpenErrorMessage, requestPersistentStorage } from './services/startup'
import { backupBeforeDatabaseOpens, startDataSafety } from './services/backup-startup'
import { installAuditAnchor, platformAnchorStore } from './services/audit-anchor'
import { getPlatform } from './platform'
import { recoverAllUnsavedEdits } from './db/unsaved-edits'
import { pageStorage } from './platform/page-storage'
import { finishBeforeClose } from './services/before-close'

async function start(): Promise<void> {
  // Marks along a window's start (read by the bench, bench/browser/opening.ts).
  performance.mark('huibao:start')
  void requestPersistentStorage()
  // An app upgrade backs up the database before the new schema can touch it (never throws).
  await backupBeforeDatabaseOpens()
  try {
    // Open before mounting: a failure here gets a clear page instead of a blank window.
    await getDatabase().open()
  } catch (error) {
    console.error('[huibao] database open failed', error)
    // The error page (with its recovery panel) loads only when it is needed.
    const { default: StartupError } = await import('./components/home/StartupError.vue')
    createApp(StartupError, { message: databaseOpenErrorMessage(error) }).mount('#app')
    return
  }
  // Every audit entry from now on also updates the anchor kept outside IndexedDB.
  installAuditAnchor(platformAnchorStore(getPlatform()))
  // The desktop window waits for the page's last saves before it closes.
  getPlatform().onWindowClosing?.(finishBeforeClose)
  const router = createAppRouter()
  const app = createApp(App).use(createPinia()).use(router)
  // Chinese texts for Element Plus widgets; the widgets themselves are imported where used
  // (see vite.config.ts), not registered whole here.
  provideGlobalConfig({ locale: zhCn }, app, true)
  performance.mark('huibao:db-open')
  app.mount('#app')
  startDataSafety()
  // Edits left unsaved when the window last closed go back into their reports, once the first
  // screen is up (opening a report does the same for itself first).
  requestIdleCallback(() => void putBackUnsavedEdits(), { timeout: 1000 })
}

async function putBackUnsavedEdits(): Promise<void> {
  const results = await recoverAllUnsavedEdits(getDatabase(), pageStorage())
  if (results.every((r) => r.kind === 'none' || r.kind === 'already-saved')) return
  const { notifySuccess, notifyError } = await import('./components/home/notify')
  for (const r of results) {
    if (r.kind === 'recovered') notifySuccess(`已恢复《${r.title}》上次关闭前尚未保存的修改。`)
    else if (r.kind === 'failed') notifyError(r.message)
  }
}

void start()
