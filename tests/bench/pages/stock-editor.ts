/**
 * The stock collaborative editor, as Tiptap's documentation sets it up and with nothing of the app
 * around it: StarterKit, Collaboration on a Y.Doc, CollaborationCaret from the provider's awareness,
 * y-webrtc with a room password. The peer-latency bench divides the minutes' figure by this one's.
 */
import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { StarterKit } from '@tiptap/starter-kit';
import * as Y from 'yjs';
import { joinRoom } from './room';

const doc = new Y.Doc();
const provider = joinRoom(doc);
const name = new URLSearchParams(window.location.search).get('name') ?? 'peer';
new Editor({
  element: document.querySelector<HTMLElement>('#editor')!,
  extensions: [
    StarterKit.configure({ undoRedo: false }),
    Collaboration.configure({ document: doc }),
    CollaborationCaret.configure({ provider, user: { name, color: '#1d6fa5' } }),
  ],
});
