/**
 * Typing into a copy of the minutes the way the editor does (y-prosemirror's layout: a paragraph
 * element holding one XmlText), returning the update the host would receive.
 */
import * as Y from 'yjs';
import { minutesField } from '../../shared/collab/doc-shape';

/** Appends `words` to the top-level node at `index` (default: the first paragraph). */
export function typeParagraph(doc: Y.Doc, words: string, index = firstParagraph(doc)): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const node = doc.getXmlFragment(minutesField).get(index) as Y.XmlElement;
  const text = (node.get(0) as Y.XmlText | null) ?? (() => {
    const created = new Y.XmlText();
    node.insert(0, [created]);
    return created;
  })();
  text.insert(text.length, words);
  return Y.encodeStateAsUpdate(doc, before);
}

export function firstParagraph(doc: Y.Doc): number {
  return doc.getXmlFragment(minutesField).toArray().findIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
}
