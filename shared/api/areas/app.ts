/** The app itself: which version runs, on which database, in which host. */
import { z } from 'zod';
import { query, returns } from '../kit';

export interface AppInfo {
  version: string;
  databasePath: string;
  host: 'desktop' | 'browser';
}

export const appArea = {
  'app:info': query(z.object({}), returns<AppInfo>()),
} as const;
