/**
 * The skeleton of the minutes as Yjs nodes in the editor's schema (y-prosemirror's layout: an
 * XmlElement per node, attributes as attrs, heading `level` a number): the title, the generated
 * blocks, and per matter a heading and an empty paragraph for the discussion.
 *
 * The minutes end with an empty paragraph, so the cursor can always be put after the last
 * generated block (otherwise each editor would add one of its own, at once, and several appear).
 *
 * "Refresh from meeting data" only rewrites the `data` of the generated blocks and appends the
 * matters added since; it never removes or edits anything else, so what people wrote stays.
 * Which sections were ever laid out is remembered in the Y.Map `generatedSections`: a block that
 * someone deleted on purpose is not put back.
 */
import * as Y from 'yjs';
import { factsNodeName, minutesField, type FactsSection } from '../../../../shared/collab/doc-shape';
import type { FactsLayout } from './facts';

/** Host-side bookkeeping root; the editor binds only to `minutesField`. */
export const generatedSectionsMap = 'generatedSections';

function heading(level: number, text: string): Y.XmlElement {
  const node = new Y.XmlElement('heading');
  node.setAttribute('level', level as unknown as string);
  if (text) {
    const content = new Y.XmlText();
    content.insert(0, text);
    node.insert(0, [content]);
  }
  return node;
}

function paragraph(): Y.XmlElement {
  return new Y.XmlElement('paragraph');
}

function facts(section: FactsSection, data: string): Y.XmlElement {
  const node = new Y.XmlElement(factsNodeName);
  node.setAttribute('section', section);
  node.setAttribute('data', data);
  return node;
}

function matterNodes(matter: FactsLayout['matters'][number]): Y.XmlElement[] {
  return [heading(2, matter.heading), paragraph(), facts(matter.section, JSON.stringify(matter.block))];
}

/** True when the minutes hold nothing yet. */
export function isBlank(doc: Y.Doc): boolean {
  return doc.getXmlFragment(minutesField).length === 0;
}

/** Lays out the whole skeleton into an empty document, in one transaction. */
export function layOutSkeleton(doc: Y.Doc, layout: FactsLayout, origin?: unknown): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(minutesField);
    const generated = doc.getMap<boolean>(generatedSectionsMap);
    const nodes: Y.XmlElement[] = [heading(1, layout.title)];
    for (const part of layout.sections) {
      if (part.heading) nodes.push(heading(2, part.heading));
      nodes.push(facts(part.section, JSON.stringify(part.block)));
      generated.set(part.section, true);
    }
    for (const matter of layout.matters) {
      nodes.push(...matterNodes(matter));
      generated.set(matter.section, true);
    }
    nodes.push(paragraph());
    fragment.insert(fragment.length, nodes);
  }, origin);
}

/**
 * Brings the generated blocks up to date and appends new matters at the end. Returns the update
 * it made, or null when everything was already up to date.
 */
export function refreshSkeleton(doc: Y.Doc, layout: FactsLayout, origin?: unknown): Uint8Array | null {
  const before = Y.encodeStateVector(doc);
  let changed = false;
  const listener = () => (changed = true);
  doc.on('update', listener);
  try {
    refreshInTransaction(doc, layout, origin);
  } finally {
    doc.off('update', listener);
  }
  return changed ? Y.encodeStateAsUpdate(doc, before) : null;
}

function refreshInTransaction(doc: Y.Doc, layout: FactsLayout, origin: unknown): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(minutesField);
    const generated = doc.getMap<boolean>(generatedSectionsMap);
    const wanted = new Map<string, string>();
    for (const part of [...layout.sections, ...layout.matters]) wanted.set(part.section, JSON.stringify(part.block));
    const present = new Set<string>();
    for (const child of fragment.toArray()) {
      if (!(child instanceof Y.XmlElement) || child.nodeName !== factsNodeName) continue;
      const section = child.getAttribute('section');
      if (typeof section !== 'string') continue;
      present.add(section);
      const data = wanted.get(section);
      if (data !== undefined && child.getAttribute('data') !== data) child.setAttribute('data', data);
    }
    for (const part of layout.sections) {
      // The header, attendance and agenda come back only if they were never laid out (an old document).
      if (present.has(part.section) || generated.get(part.section)) continue;
      const nodes = part.heading ? [heading(2, part.heading), facts(part.section, wanted.get(part.section)!)] : [facts(part.section, wanted.get(part.section)!)];
      fragment.insert(fragment.length, nodes);
      generated.set(part.section, true);
    }
    let appended = false;
    for (const matter of layout.matters) {
      if (present.has(matter.section) || generated.get(matter.section)) continue;
      fragment.insert(fragment.length, matterNodes(matter));
      generated.set(matter.section, true);
      appended = true;
    }
    if (appended) fragment.insert(fragment.length, [paragraph()]);
  }, origin);
}
