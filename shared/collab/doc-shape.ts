/**
 * The shape of a meeting's minutes as a Yjs document, shared by the editor (renderer), the host
 * (persistence, skeleton from meeting data) and the Word export.
 *
 * - The editor binds to one named root: the Y.XmlFragment `minutesField`, through Tiptap's
 *   Collaboration extension (`field: minutesField`). Its children are ProseMirror nodes of the
 *   schema in ./minutes-extensions.ts, stored the y-prosemirror way: a Y.XmlElement whose
 *   nodeName is the node type (paragraph, heading, bulletList, orderedList, listItem, table,
 *   tableRow, tableHeader, tableCell, blockquote, hardBreak, horizontalRule, meetingFacts) and
 *   whose attributes are the node's attrs (heading: level as a number); text is a Y.XmlText
 *   whose formatting attributes are the marks (bold, italic, underline, strike: `{}` values).
 * - The parts laid out from the meeting's own data are `meetingFacts` nodes: atom blocks that
 *   people cannot type into, with attrs `section` (a stable key, see FactsSection) and `data`
 *   (JSON of a FactsBlock). "Refresh from meeting data" rewrites the `data` of the existing
 *   facts nodes and adds the ones for new matters; it never touches other nodes, so nothing
 *   people wrote is overwritten.
 */

/** The Y.XmlFragment the editor is bound to. */
export const minutesField = 'minutes';

/** The node type of a generated block. */
export const factsNodeName = 'meetingFacts';

/**
 * Stable keys of the generated blocks: the header (time, place, chair, secretary), attendance
 * (entitled, present, absent, attending with names), the agenda, and one per matter
 * (`matter:<agendaItemId>`: its step, the views heard and each vote with its outcome).
 */
export type FactsSection = 'header' | 'attendance' | 'agenda' | `matter:${number}`;

/**
 * A generated block, in words ready to show: renderers (the editor's node view, the Word
 * export) draw it generically, so wording lives in one place, where it is generated.
 */
export interface FactsBlock {
  /** A caption above the block, e.g. 表决结果. */
  caption?: string;
  /** Label–value lines: [['时间', '2026年12月5日 19:30'], ['地点', '3 号楼前空地']]. */
  pairs?: Array<[string, string]>;
  /** A table: column headings and rows of cells. */
  table?: { columns: string[]; rows: string[][] };
  /** Further sentences, e.g. the explanation of a vote's outcome. */
  notes?: string[];
  /** Several blocks in one section (e.g. a matter with two votes). */
  parts?: FactsBlock[];
}

export function parseFacts(data: unknown): FactsBlock {
  if (typeof data !== 'string') return {};
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === 'object' ? (value as FactsBlock) : {};
  } catch {
    return {};
  }
}
