// The review core: workflow, PIN, audit chain, review marks, versions.
export * from './workflow'
export * from './pin'
export * from './audit'
export * from './marks'
export * from './versions'
export * from './threads'
