// The "#" metric listbox's state, reactive so the editor page re-renders it; the suggestion
// plugin (editor/metric-suggestion.ts) writes into it without knowing Vue.
import { reactive } from 'vue'
import { blankSuggestionUI, type SuggestionUIState } from '../../editor/metric-suggestion'

export function createSuggestionUI(): SuggestionUIState {
  return reactive(blankSuggestionUI()) as SuggestionUIState
}
