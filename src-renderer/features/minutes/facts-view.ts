/**
 * A block laid out from the meeting's own data (time, attendance, votes...), drawn generically
 * from its FactsBlock: caption, label–value lines, a table, notes, and nested parts. People
 * cannot type into it; "refresh from meeting data" rewrites it.
 *
 * Drawn as plain DOM, once per block, and again only when its data changes: a React node view
 * would be mounted and rendered through React for every block on every change of the document,
 * which is every keystroke of every peer.
 */
import { parseFacts, type FactsBlock } from '../../../shared/collab/doc-shape';
import { MeetingFacts } from '../../../shared/collab/minutes-extensions';
import i18n from '../../i18n';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

function drawBlock(block: FactsBlock): Node[] {
  const nodes: Node[] = [];
  if (block.caption) nodes.push(element('div', 'facts-caption', block.caption));
  if (block.pairs && block.pairs.length > 0) {
    const list = element('dl', 'facts-pairs');
    for (const [label, value] of block.pairs) {
      const pair = element('div');
      pair.append(element('dt', undefined, label), element('dd', undefined, value));
      list.append(pair);
    }
    nodes.push(list);
  }
  if (block.table) {
    const table = element('table', 'facts-table');
    const headRow = element('tr');
    for (const column of block.table.columns) headRow.append(element('th', undefined, column));
    const head = element('thead');
    head.append(headRow);
    const body = element('tbody');
    for (const row of block.table.rows) {
      const line = element('tr');
      for (const cell of row) line.append(element('td', undefined, cell));
      body.append(line);
    }
    table.append(head, body);
    nodes.push(table);
  }
  for (const note of block.notes ?? []) nodes.push(element('p', 'facts-note', note));
  for (const part of block.parts ?? []) {
    const wrapper = element('div', 'facts-part');
    wrapper.append(...drawBlock(part));
    nodes.push(wrapper);
  }
  return nodes;
}

/** The block's DOM for these attributes: its badge, then the block. */
function draw(dom: HTMLElement, section: string, data: string): void {
  dom.dataset.section = section;
  dom.replaceChildren(element('span', 'facts-badge', i18n.t('minutes.facts')), ...drawBlock(parseFacts(data)));
}

/** The schema's meetingFacts node with its view: the schema itself stays shared with the host. */
export const MeetingFactsView = MeetingFacts.extend({
  addNodeView() {
    return ({ node }) => {
      const dom = element('div', 'meeting-facts');
      dom.contentEditable = 'false';
      let section = String(node.attrs.section);
      let data = String(node.attrs.data);
      draw(dom, section, data);
      return {
        dom,
        update(updated) {
          if (updated.type !== node.type) return false;
          const nextSection = String(updated.attrs.section);
          const nextData = String(updated.attrs.data);
          if (nextSection !== section || nextData !== data) {
            section = nextSection;
            data = nextData;
            draw(dom, section, data);
          }
          return true;
        },
        // Nothing inside is editable: ProseMirror need not read the block's DOM back.
        ignoreMutation: () => true,
      };
    };
  },
});
