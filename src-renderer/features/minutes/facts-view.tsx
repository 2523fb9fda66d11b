/**
 * A block laid out from the meeting's own data (time, attendance, votes...), drawn generically
 * from its FactsBlock: caption, label–value lines, a table, notes, and nested parts. People
 * cannot type into it; "refresh from meeting data" rewrites it.
 */
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { parseFacts, type FactsBlock } from '../../../shared/collab/doc-shape';
import { MeetingFacts } from '../../../shared/collab/minutes-extensions';
import { TextTable } from '../../components/text-table';

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
        <TextTable className="facts-table" columns={block.table.columns} rows={block.table.rows} />
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
