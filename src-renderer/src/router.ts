// Hash history: the same bundle runs from app://huibao/ (Electron) and http://127.0.0.1:PORT/
// (browser), and neither server knows the app's routes.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import ReportListView from './views/ReportListView.vue'
import { ensureTemplateCatalog } from './stores/templates'
import { useEditorStore } from './stores/editor'
import { loadEditorView } from './views/lazy'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: ReportListView, meta: { title: '报告列表' } },
  { path: '/backups', name: 'backups', component: () => import('./views/BackupView.vue'), meta: { title: '备份与恢复' } },
  { path: '/recycle-bin', name: 'recycle-bin', component: () => import('./views/RecycleBinView.vue'), meta: { title: '回收站' } },
  // The editor carries TipTap/ProseMirror: load it only when a report is opened.
  // Page view and print view (PDF): the report laid out on A4 sheets.
  { path: '/reports/:id/pages', name: 'pages', component: () => import('./views/PageView.vue'), props: true, meta: { title: '页面视图' } },
  // The print route always runs in the lean print app, which main.ts starts when a page loads
  // on it (print/boot.ts). Reached by a hash change inside the app instead, the page loads again
  // on it, so no PDF is ever printed from the full app.
  {
    path: '/reports/:id/print',
    name: 'print',
    component: { render: () => null },
    beforeEnter: (to) => {
      history.replaceState(history.state, '', `#${to.fullPath}`)
      location.reload()
    }
  },
  // The review: versions of a report (restore, audit trail) and the comparison of two.
  { path: '/reports/:id/versions', name: 'versions', component: () => import('./views/VersionsView.vue'), props: true, meta: { title: '版本与比较' } },
  { path: '/reports/:id/compare', name: 'compare', component: () => import('./views/CompareView.vue'), props: true, meta: { title: '版本比较' } },
  {
    path: '/reports/:id',
    name: 'editor',
    component: loadEditorView,
    props: true,
    meta: { title: '编辑报告' }
  },
  { path: '/templates', name: 'templates', component: () => import('./views/TemplatesView.vue'), meta: { title: '模板管理' } },
  { path: '/templates/:id', name: 'template-editor', component: () => import('./views/TemplateEditorView.vue'), props: true, meta: { title: '编辑模板' } },
  { path: '/:pathMatch(.*)*', redirect: '/' }
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes })
  // User templates live in IndexedDB but are looked up synchronously: load them before the first view.
  router.beforeEach((to, from) => {
    // A report is read while the editor's code loads and the template catalog is read, not
    // after (stores/editor.ts prefetch; a new window does all three at once).
    if (to.name === 'editor' && from.name !== 'editor' && typeof to.params.id === 'string') useEditorStore().prefetch(to.params.id)
    return ensureTemplateCatalog()
  })
  router.afterEach((to, _from, failure) => {
    // A read prefetched for an editor that did not open must not be used by a later one.
    if (failure || to.name !== 'editor') useEditorStore().dropPrefetch()
    const title = typeof to.meta.title === 'string' ? to.meta.title : ''
    document.title = title ? `${title} - 汇报` : '汇报'
  })
  return router
}
