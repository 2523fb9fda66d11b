import type { NoticeText } from '../../../shared/domain/followup/notice-text';
import { QrCode } from '../../components/qr-code';
import { TextTable } from '../../components/text-table';

/**
 * A notice as it is printed for the board: the same wording as the Word file
 * (shared/domain/followup/notice-text.ts), on an A4 sheet in large type.
 */
export function NoticeSheet({ text, qrUrl, qrLabel }: { text: NoticeText; qrUrl?: string | null; qrLabel?: string }) {
  return (
    <article className="notice-sheet" aria-label={text.title}>
      <h1 className="notice-title">{text.title}</h1>
      <p className="notice-plain">{text.salutation}</p>
      <p className="notice-body">{text.opening}</p>
      {text.sections.map((section) => (
        <section key={section.heading} className="notice-section">
          <h2 className="notice-heading">{section.heading}</h2>
          {section.paragraphs.map((paragraph, index) => (
            <p key={index} className="notice-body">
              {paragraph}
            </p>
          ))}
          {section.table && (
            <TextTable className="notice-table" columns={section.table[0]!} rows={section.table.slice(1)} />
          )}
          {section.qr && qrUrl && (
            <figure className="notice-qr">
              <QrCode text={qrUrl} label={qrLabel ?? qrUrl} />
              <figcaption>{qrUrl}</figcaption>
            </figure>
          )}
        </section>
      ))}
      <p className="notice-body">{text.closing}</p>
      <div className="notice-signature">
        {text.signature.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </article>
  );
}
