/**
 * The minutes document as plain, JSON-able blocks: what is sealed (canonical JSON) and what the
 * Word export lays out. Read straight from the Yjs XmlFragment in the y-prosemirror layout
 * described in shared/collab/doc-shape.ts (element nodeName = node type, attributes = attrs,
 * XmlText delta attributes = marks).
 */
import * as Y from 'yjs';
import { factsNodeName, minutesField, parseFacts, type FactsBlock } from '../../../../shared/collab/doc-shape';

export type Mark = 'bold' | 'italic' | 'underline' | 'strike';
const knownMarks: readonly Mark[] = ['bold', 'italic', 'underline', 'strike'];

export interface InlineText {
  text: string;
  marks?: Mark[];
}

export type MinutesBlock =
  | { type: 'heading'; level: number; content: InlineText[] }
  | { type: 'paragraph'; content: InlineText[] }
  | { type: 'bulletList'; items: MinutesBlock[][] }
  | { type: 'orderedList'; start: number; items: MinutesBlock[][] }
  | { type: 'table'; rows: Array<{ cells: Array<{ header: boolean; content: MinutesBlock[] }> }> }
  | { type: 'blockquote'; content: MinutesBlock[] }
  | { type: 'rule' }
  | { type: 'facts'; section: string; facts: FactsBlock };

function inline(element: Y.XmlElement | Y.XmlText): InlineText[] {
  if (element instanceof Y.XmlText) {
    const delta = element.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>;
    return delta
      .filter((op): op is { insert: string; attributes?: Record<string, unknown> } => typeof op.insert === 'string' && op.insert.length > 0)
      .map((op) => {
        const marks = knownMarks.filter((mark) => op.attributes && op.attributes[mark] !== undefined && op.attributes[mark] !== null);
        return marks.length ? { text: op.insert, marks } : { text: op.insert };
      });
  }
  if (element.nodeName === 'hardBreak') return [{ text: '\n' }];
  return element.toArray().flatMap((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? inline(child) : []));
}

/** Joins neighbouring pieces with the same marks, so the sealed form does not depend on how edits split the text. */
function mergeInline(pieces: InlineText[]): InlineText[] {
  const merged: InlineText[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && (last.marks ?? []).join() === (piece.marks ?? []).join()) last.text += piece.text;
    else merged.push({ ...piece });
  }
  return merged;
}

function paragraphContent(element: Y.XmlElement): InlineText[] {
  return mergeInline(element.toArray().flatMap((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? inline(child) : [])));
}

function childElements(element: Y.XmlElement | Y.XmlFragment): Y.XmlElement[] {
  return element.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement);
}

function block(element: Y.XmlElement): MinutesBlock[] {
  switch (element.nodeName) {
    case 'heading': {
      const level = Number(element.getAttribute('level' as never)) || 1;
      return [{ type: 'heading', level, content: paragraphContent(element) }];
    }
    case 'paragraph':
      return [{ type: 'paragraph', content: paragraphContent(element) }];
    case 'bulletList':
      return [{ type: 'bulletList', items: childElements(element).map((item) => blocks(item)) }];
    case 'orderedList': {
      const start = Number(element.getAttribute('start' as never)) || 1;
      return [{ type: 'orderedList', start, items: childElements(element).map((item) => blocks(item)) }];
    }
    case 'table':
      return [
        {
          type: 'table',
          rows: childElements(element).map((row) => ({
            cells: childElements(row).map((cell) => ({ header: cell.nodeName === 'tableHeader', content: blocks(cell) })),
          })),
        },
      ];
    case 'blockquote':
      return [{ type: 'blockquote', content: blocks(element) }];
    case 'horizontalRule':
      return [{ type: 'rule' }];
    case factsNodeName:
      return [
        {
          type: 'facts',
          section: String(element.getAttribute('section' as never) ?? ''),
          facts: parseFacts(element.getAttribute('data' as never)),
        },
      ];
    default: {
      // An unknown node (a later extension): keep its words rather than lose them.
      const content = paragraphContent(element);
      return content.length ? [{ type: 'paragraph', content }] : blocks(element);
    }
  }
}

function blocks(parent: Y.XmlElement | Y.XmlFragment): MinutesBlock[] {
  return childElements(parent).flatMap(block);
}

export function minutesBlocks(doc: Y.Doc): MinutesBlock[] {
  return blocks(doc.getXmlFragment(minutesField));
}

/** True when the minutes hold words someone wrote: a paragraph, list or table with text (a heading or a generated block alone is not minutes). */
export function hasWrittenText(blocks: MinutesBlock[]): boolean {
  return blocks.some((block) => {
    switch (block.type) {
      case 'paragraph':
        return block.content.some((piece) => piece.text.trim() !== '');
      case 'bulletList':
      case 'orderedList':
        return block.items.some(hasWrittenText);
      case 'table':
        return block.rows.some((row) => row.cells.some((cell) => hasWrittenText(cell.content)));
      case 'blockquote':
        return hasWrittenText(block.content);
      default:
        return false;
    }
  });
}
