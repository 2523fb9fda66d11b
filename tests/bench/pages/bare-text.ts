/**
 * The floor under any editor: y-webrtc carrying a plain Y.Text typed in a textarea, shown in a div
 * the harness watches. No editor, no schema, no awareness rendering.
 */
import * as Y from 'yjs';
import { joinRoom } from './room';

const doc = new Y.Doc();
joinRoom(doc);
const text = doc.getText('text');
const input = document.querySelector<HTMLTextAreaElement>('#input')!;
const mirror = document.querySelector<HTMLElement>('#mirror')!;
const local = Symbol('textarea');

input.addEventListener('input', () => {
  const before = text.toString();
  const after = input.value;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  doc.transact(() => {
    if (before.length - start - end > 0) text.delete(start, before.length - start - end);
    if (after.length - start - end > 0) text.insert(start, after.slice(start, after.length - end));
  }, local);
});

text.observe((event) => {
  mirror.textContent = text.toString();
  if (event.transaction.origin !== local) input.value = text.toString();
});
