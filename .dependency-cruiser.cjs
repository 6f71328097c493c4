// The house's rooms, enforced by `npm run lint:deps` (part of `npm test`). docs/ARCHITECTURE.md
// explains each room; a rule broken here is a design question, not a lint nit.
const R = '^src-renderer/src/'
const APP = `${R}(db|stores|services|views|components|composables|editor|platform|router\\.ts|main\\.ts|App\\.vue)`
const UI_LIBS = '^node_modules/(vue|@vue|pinia|vue-router|element-plus|@element-plus)/'
const EDITOR_LIBS = '^node_modules/(@tiptap|prosemirror-[a-z]+)/'

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'The domain core runs in Node tests and workers: no app code, Vue, DOM libraries, Dexie, Electron or editor.',
      severity: 'error',
      from: { path: `${R}core/` },
      to: {
        pathNot: [`${R}core/`, '^node_modules/(docx|zod|diff|fflate|saxes|fast-xml-parser|semver)/'],
        dependencyTypesNot: ['core']
      }
    },
    {
      name: 'views-reach-data-through-stores',
      comment: 'Views and components read and write through stores and services, never the database.',
      severity: 'error',
      from: { path: `${R}(views|components|composables)/` },
      to: { path: [`${R}db/`, '^node_modules/dexie'] }
    },
    {
      name: 'services-are-not-ui',
      comment: 'Services never import the router, views, components or UI libraries (dialogs belong to components).',
      severity: 'error',
      from: { path: `${R}services/` },
      to: { path: [`${R}(router\\.ts|views/|components/)`, '^node_modules/(vue-router|element-plus|@element-plus)/'] }
    },
    {
      name: 'stores-are-not-ui',
      comment: 'Stores hold state for views; they do not import views, components, the router or the editor.',
      severity: 'error',
      from: { path: `${R}stores/` },
      to: { path: [`${R}(router\\.ts|views/|components/|editor/)`, '^node_modules/(vue-router|element-plus)/'] }
    },
    {
      name: 'editor-plugins-without-vue',
      comment: 'Editor plugins are ProseMirror code; Vue node views live with the components.',
      severity: 'error',
      from: { path: `${R}editor/` },
      to: { path: [UI_LIBS, '^node_modules/@tiptap/vue-3', `${R}(stores|views|components|services|db)/`] }
    },
    {
      name: 'db-is-storage-only',
      comment: 'The database module knows nothing of UI, stores or the editor.',
      severity: 'error',
      from: { path: `${R}db/` },
      to: { path: [UI_LIBS, EDITOR_LIBS, `${R}(stores|views|components|services|editor|composables)/`] }
    },
    {
      name: 'renderer-shares-only-the-contract',
      comment: 'The renderer may import only the type-only IPC contract from src-main.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/', pathNot: '^src-main/contract/' }
    },
    {
      name: 'contract-is-type-only-for-the-renderer',
      comment: 'The contract is imported with `import type` so no main-process code reaches the renderer bundle.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/contract/', dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'main-and-preload-apart-from-the-renderer',
      comment: 'Main and preload share only the contract with the renderer.',
      severity: 'error',
      from: { path: '^src-main/(main|preload)/' },
      to: { path: '^src-renderer/' }
    },
    {
      name: 'preload-is-a-thin-bridge',
      comment: 'The preload imports electron and the contract only, never main-process modules.',
      severity: 'error',
      from: { path: '^src-main/preload/' },
      to: { path: '^src-main/main/' }
    },
    {
      name: 'print-app-is-lean',
      comment: 'The print window (PDF) loads the print app only: no editor, Element Plus, router or app shell, so making a PDF does not pay for loading them.',
      severity: 'error',
      from: { path: `${R}print/` },
      to: {
        path: [EDITOR_LIBS, '^node_modules/(element-plus|@element-plus|vue-router|@tiptap)/', `${R}(editor/|components/editor/|app-main\\.ts|router\\.ts|App\\.vue|stores/)`],
        reachable: true
      }
    },
    {
      name: 'entry-chooses-by-dynamic-import',
      comment: 'main.ts only reads the location and then imports the print app or the app dynamically: a static import would load it into both.',
      severity: 'error',
      from: { path: `${R}main\\.ts$` },
      to: { pathNot: `${R}print/route\\.ts$`, dependencyTypesNot: ['dynamic-import'] }
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^src-', pathNot: 'env\\.d\\.ts$' },
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.vue', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } }
  }
}
