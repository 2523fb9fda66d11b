/**
 * Residents' matters (微心愿): raised on the public page or by staff, supported ("me too"), merged,
 * accepted onto a meeting's agenda or declined with a reason the resident can read.
 */
import { z } from 'zod';
import { chairOnly, id, mutation, query, requiredText, returns, text } from '../kit';

export interface Wish {
  id: number;
  councilId: number;
  text: string;
  category: string;
  building: string;
  name: string;
  household: string;
  supporters: number;
  source: 'public' | 'staff';
  status: 'new' | 'accepted' | 'declined' | 'merged';
  reason: string;
  agendaItemId: number | null;
  /** For a merged duplicate: the wish it was merged into. */
  mergedIntoId: number | null;
  createdAt: string;
}

/** A matter as the public page lists it: its words, never who raised it. */
export interface PublicWish {
  id: number;
  text: string;
  category: string;
  supporters: number;
  status: 'new' | 'accepted';
}

export interface IntakeStatus {
  councilId: number;
  councilName: string;
  open: boolean;
  /** Matters still open, for residents' "me too" (empty while intake is closed). */
  openWishes: PublicWish[];
}

/** The random id the public page keeps for its browser (src-renderer/features/wishes/browser-id.ts). */
export const browserIdSchema = z
  .string({ error: '请刷新页面后再试。' })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, '请刷新页面后再试。');

export const wishesArea = {
  'wish:intake': query(z.object({ councilId: id }), returns<IntakeStatus>(), { public: true }),
  /**
   * Opens or closes residents' intake (the same switch as in the council's settings). While it is
   * open the host listens on the LAN, so the notice's QR code reaches residents' phones.
   */
  'wish:setIntake': mutation(z.object({ councilId: id, open: z.boolean({ error: '请说明开放还是关闭' }) }), returns<IntakeStatus>(), chairOnly),
  /** The public page: each address may raise only a few matters in a while. */
  'wish:submit': mutation(
    z.object({
      councilId: id,
      text: requiredText(500, '议题内容').min(5, '请把事情写清楚一些（至少 5 个字）'),
      category: text(20, '类别').default(''),
      building: text(20, '楼栋').default(''),
      name: text(20, '姓名').default(''),
      household: text(20, '户号').default(''),
    }),
    returns<{ id: number }>(),
    { public: true, rateLimit: { calls: 5, perMinutes: 10 } },
  ),
  'wish:list': query(z.object({ councilId: id }), returns<Wish[]>()),
  'wish:accept': mutation(z.object({ wishId: id, meetingId: id }), returns<Wish>(), chairOnly),
  'wish:decline': mutation(
    z.object({ wishId: id, reason: requiredText(200, '不采纳的理由').min(4, '请写明不采纳的理由，居民能看到') }),
    returns<Wish>(),
    chairOnly,
  ),
  'wish:merge': mutation(z.object({ wishId: id, intoWishId: id }), returns<Wish>(), chairOnly),
  /**
   * Residents' "me too" on the public page: one per browser (the random id the page keeps) and one
   * per address; a repeat is refused and changes nothing.
   */
  'wish:support': mutation(z.object({ wishId: id, browserId: browserIdSchema }), returns<{ id: number; supporters: number }>(), {
    public: true,
    rateLimit: { calls: 20, perMinutes: 10 },
  }),
} as const;
