/**
 * The minutes' ProseMirror schema as Tiptap extensions: headings, lists, tables, bold/italic
 * (StarterKit + TableKit) and the generated `meetingFacts` block. Used by the editor (which adds
 * Collaboration, the carets and a node view) and by the host and the Word export (getSchema).
 * StarterKit's own undo history is off: with Yjs, undo is Yjs's.
 */
import { Node, mergeAttributes, type AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { factsNodeName } from './doc-shape';

export const MeetingFacts = Node.create({
  name: factsNodeName,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return {
      section: { default: '' },
      data: { default: '{}' },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-meeting-facts]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-meeting-facts': '' }, HTMLAttributes)];
  },
});

export function minutesExtensions(): AnyExtension[] {
  return [StarterKit.configure({ undoRedo: false, link: false, code: false, codeBlock: false }), TableKit, MeetingFacts];
}
