/**
 * The minutes editor: Tiptap bound to the meeting's Yjs document (Collaboration on the shared
 * `minutesField`), with the other people's named, coloured cursors (CollaborationCaret, from
 * Yjs awareness: display only). Composition input (Chinese IMEs) is ProseMirror's own.
 */
import { useEffect } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Extension } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { factsNodeName, minutesField } from '../../../shared/collab/doc-shape';
import { minutesExtensions } from '../../../shared/collab/minutes-extensions';
import { MeetingFactsView } from './facts-view';
import type { MinutesSession } from './minutes-session';

function caret(user: Record<string, unknown>): HTMLElement {
  const cursor = document.createElement('span');
  cursor.classList.add('collaboration-carets__caret');
  cursor.style.borderColor = String(user.color ?? '#555');
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = String(user.color ?? '#555');
  label.textContent = String(user.name ?? '');
  cursor.append(label);
  return cursor;
}

/**
 * Ctrl+End / Ctrl+Home go to the end / start of the minutes. Left to the browser, they stop at
 * the generated blocks (uneditable islands) and the secretary would type in the middle.
 */
const DocumentEnds = Extension.create({
  name: 'documentEnds',
  addKeyboardShortcuts() {
    return {
      'Mod-End': () => this.editor.commands.focus('end', { scrollIntoView: true }),
      'Mod-Home': () => this.editor.commands.focus('start', { scrollIntoView: true }),
    };
  },
});

export function MinutesEditor({ session, editable }: { session: MinutesSession; editable: boolean }) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        ...minutesExtensions().filter((extension) => extension.name !== factsNodeName),
        MeetingFactsView,
        DocumentEnds,
        Collaboration.configure({ document: session.doc, field: minutesField }),
        CollaborationCaret.configure({
          // The session's awareness outlives its rooms: the editor stays as it is when the room moves.
          provider: { awareness: session.awareness },
          user: session.awareness.getLocalState()?.user ?? {},
          render: caret,
          // A class, not an inline style: the page's CSP allows no style attributes.
          selectionRender: () => ({ class: 'collaboration-carets__selection' }),
        }),
      ],
      editable,
      // Tiptap would add a <style> element; the CSP forbids it, so its rules are in minutes.css.
      injectCSS: false,
      editorProps: { attributes: { class: 'minutes-text', 'aria-label': t('minutes.editorLabel'), lang: 'zh-CN' } },
    },
    [session],
  );
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className="minutes-editor">
      {editable && editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

/**
 * Which tools are on where the cursor is, from one walk up the cursor's ancestors and its marks.
 * It runs after every transaction, every peer's keystroke included; `isActive` for each tool
 * would walk the selection's whole range once per tool.
 */
function toolState(editor: Editor) {
  const { storedMarks, selection } = editor.state;
  const { $from } = selection;
  const state = { h1: false, h2: false, bold: false, italic: false, bullets: false, numbers: false, inTable: false };
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    const name = node.type.name;
    if (name === 'heading') {
      state.h1 ||= node.attrs.level === 1;
      state.h2 ||= node.attrs.level === 2;
    } else if (name === 'bulletList') state.bullets = true;
    else if (name === 'orderedList') state.numbers = true;
    else if (name === 'table') state.inTable = true;
  }
  for (const mark of storedMarks ?? $from.marks()) {
    if (mark.type.name === 'bold') state.bold = true;
    else if (mark.type.name === 'italic') state.italic = true;
  }
  return state;
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: e }) => toolState(e) });
  const chain = () => editor.chain().focus();
  const button = (label: string, active: boolean, run: () => void, key: string) => (
    <button key={key} type="button" className={active ? 'tool tool-active' : 'tool'} aria-pressed={active} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      {label}
    </button>
  );
  return (
    <div className="minutes-toolbar" role="toolbar" aria-label={t('minutes.toolbar')}>
      {button(t('minutes.tools.heading1'), state.h1, () => chain().toggleHeading({ level: 1 }).run(), 'h1')}
      {button(t('minutes.tools.heading2'), state.h2, () => chain().toggleHeading({ level: 2 }).run(), 'h2')}
      {button(t('minutes.tools.paragraph'), false, () => chain().setParagraph().run(), 'p')}
      {button(t('minutes.tools.bold'), state.bold, () => chain().toggleBold().run(), 'b')}
      {button(t('minutes.tools.italic'), state.italic, () => chain().toggleItalic().run(), 'i')}
      {button(t('minutes.tools.bullets'), state.bullets, () => chain().toggleBulletList().run(), 'ul')}
      {button(t('minutes.tools.numbers'), state.numbers, () => chain().toggleOrderedList().run(), 'ol')}
      {!state.inTable && button(t('minutes.tools.table'), false, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), 'table')}
      {state.inTable && button(t('minutes.tools.addRow'), false, () => chain().addRowAfter().run(), 'row')}
      {state.inTable && button(t('minutes.tools.addColumn'), false, () => chain().addColumnAfter().run(), 'col')}
      {state.inTable && button(t('minutes.tools.deleteRow'), false, () => chain().deleteRow().run(), 'delrow')}
      {state.inTable && button(t('minutes.tools.deleteTable'), false, () => chain().deleteTable().run(), 'deltable')}
      {button(t('minutes.tools.undo'), false, () => chain().undo().run(), 'undo')}
      {button(t('minutes.tools.redo'), false, () => chain().redo().run(), 'redo')}
    </div>
  );
}
