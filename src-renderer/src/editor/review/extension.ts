// The review behaviour of the report editor: suggestion mode (the marks themselves are part of
// the schema, see schema.ts).
import { Extension } from '@tiptap/core'
import { suggestModePlugin } from './suggest'

export interface ReviewExtensionOptions {
  onRefused?: (message: string) => void
}

export const ReviewExtension = Extension.create<ReviewExtensionOptions>({
  name: 'review',
  addOptions() {
    return { onRefused: undefined }
  },
  addProseMirrorPlugins() {
    return [suggestModePlugin({ onRefused: this.options.onRefused })]
  }
})
