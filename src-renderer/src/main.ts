// Entry: the print route (a PDF being made) starts the lean print app; anything else the app.
// Both behind a dynamic import, so the print window never loads the app's code (editor,
// Element Plus, shell) and the app never loads the print app's.
import { printRouteOf } from './print/route'

const print = printRouteOf(location.hash)
if (print) void import('./print/boot').then((m) => m.bootPrint(print))
else {
  void import('./app-main')
  // A window opened at a report (a second window, a reload) fetches and evaluates the editor's
  // code while the app starts and the database opens, instead of after (the same module the
  // router loads, views/lazy.ts; a failure shows when the router needs it). Asked after the
  // app, so the app's stylesheets still come before the editor's.
  if (/^#\/reports\/[^/]+\/?$/.test(location.hash)) import('./views/EditorView.vue').catch(() => {})
}
