import { createContext, useContext, useEffect } from 'react';

/**
 * The browser's title names the page, so the chair finds the projector among the windows:
 * 门口签到 · 院落议事会（12 月） · 院落议事. A page names itself with usePageTitle; the shell adds
 * the app's name (and, for a page that names nothing, its menu section and the council).
 */
export const PageTitleContext = createContext<(title: string | null) => void>(() => {});

export function usePageTitle(title: string | null): void {
  const set = useContext(PageTitleContext);
  useEffect(() => {
    set(title);
    return () => set(null);
  }, [title, set]);
}
