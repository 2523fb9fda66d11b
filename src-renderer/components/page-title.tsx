import type { ReactNode } from 'react';

/** A page's heading that leads back where it came from: "院落议事会(12 月) › 会议记录". */
export function PageTitle({ backHref, backLabel, title }: { backHref: string; backLabel: ReactNode; title: ReactNode }) {
  return (
    <h1>
      <a href={backHref} className="back-link">
        {backLabel}
      </a>{' '}
      › {title}
    </h1>
  );
}
