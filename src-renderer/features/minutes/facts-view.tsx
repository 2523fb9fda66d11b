/**
 * A block laid out from the meeting's own data (time, attendance, votes...), drawn generically
 * from its FactsBlock: caption, label–value lines, a table, notes, and nested parts. People
 * cannot type into it; "refresh from meeting data" rewrites it.
 */
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { parseFacts, type FactsBlock } from '../../../shared/collab/doc-shape';
import { MeetingFacts } from '../../../shared/collab/minutes-extensions';

function Block({ block }: { block: FactsBlock }) {
  return (
    <>
      {block.caption && <div className="facts-caption">{block.caption}</div>}
      {block.pairs && block.pairs.length > 0 && (
        <dl className="facts-pairs">
          {block.pairs.map(([label, value], index) => (
            <div key={index}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {block.table && (
        <table className="facts-table">
          <thead>
            <tr>
              {block.table.columns.map((column, index) => (
                <th key={index}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {block.notes?.map((note, index) => (
        <p key={index} className="facts-note">
          {note}
        </p>
      ))}
      {block.parts?.map((part, index) => (
        <div key={index} className="facts-part">
          <Block block={part} />
        </div>
      ))}
    </>
  );
}

function FactsView({ node }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const block = parseFacts(node.attrs.data);
  return (
    <NodeViewWrapper className="meeting-facts" data-section={String(node.attrs.section)} contentEditable={false}>
      <span className="facts-badge">{t('minutes.facts')}</span>
      <Block block={block} />
    </NodeViewWrapper>
  );
}

/** The schema's meetingFacts node with its view: the schema itself stays shared with the host. */
export const MeetingFactsView = MeetingFacts.extend({
  addNodeView() {
    return ReactNodeViewRenderer(FactsView);
  },
});
