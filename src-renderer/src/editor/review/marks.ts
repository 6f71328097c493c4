// Review marks in the editor schema. A comment mark holds only its thread id; suggestion marks
// hold id, author and time. None is inclusive: typing next to them never extends them by itself.
import { Mark, mergeAttributes } from '@tiptap/core'

export const CommentMark = Mark.create({
  name: 'comment',
  inclusive: false,
  // Several threads may cover the same text.
  excludes: '',
  addAttributes() {
    return {
      threadId: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-thread-id') ?? '',
        renderHTML: (attrs) => ({ 'data-thread-id': attrs.threadId })
      }
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-thread-id]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'review-comment' }), 0]
  }
})

function suggestionAttributes() {
  return {
    id: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-suggestion-id') ?? '', renderHTML: (a: Record<string, unknown>) => ({ 'data-suggestion-id': a.id }) },
    author: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-author') ?? '', renderHTML: (a: Record<string, unknown>) => ({ 'data-author': a.author }) },
    at: { default: 0, parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-at')) || 0, renderHTML: (a: Record<string, unknown>) => ({ 'data-at': String(a.at) }) }
  }
}

export const InsertionMark = Mark.create({
  name: 'insertion',
  inclusive: false,
  excludes: 'insertion deletion',
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: 'ins[data-suggestion-id]' }]
  },
  renderHTML({ HTMLAttributes, mark }) {
    return ['ins', mergeAttributes(HTMLAttributes, { class: 'review-ins', title: `${mark.attrs.author} 建议插入` }), 0]
  }
})

export const DeletionMark = Mark.create({
  name: 'deletion',
  inclusive: false,
  excludes: 'insertion deletion',
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: 'del[data-suggestion-id]' }]
  },
  renderHTML({ HTMLAttributes, mark }) {
    return ['del', mergeAttributes(HTMLAttributes, { class: 'review-del', title: `${mark.attrs.author} 建议删除` }), 0]
  }
})

export const REVIEW_MARKS = [CommentMark, InsertionMark, DeletionMark]
