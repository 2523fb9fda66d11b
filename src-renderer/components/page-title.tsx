import type { ReactNode } from 'react';
import { usePageTitle } from './document-title';

/** A page's heading that leads back where it came from: "院落议事会(12 月) › 会议记录". */
export function PageTitle({ backHref, backLabel, title }: { backHref: string; backLabel: ReactNode; title: ReactNode }) {
  usePageTitle(typeof title === 'string' ? [title, ...(typeof backLabel === 'string' ? [backLabel] : [])].join(' · ') : null);
  return (
    <h1>
      <a href={backHref} className="back-link">
        {backLabel}
      </a>{' '}
      › {title}
    </h1>
  );
}
