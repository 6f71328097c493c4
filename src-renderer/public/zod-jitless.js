// Runs before any module: zod reads this global config when a schema is constructed, so it must
// be set before the first chunk that defines a schema evaluates (chunk order is the bundler's
// choice). Jitless zod never probes `new Function`, which the app's CSP forbids.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })
