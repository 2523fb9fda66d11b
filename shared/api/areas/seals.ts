/** Signatures on the minutes, seals, Word export and verification. */
import { z } from 'zod';
import { base64FileSchema, chairOnly, id, mutation, query, requiredText, returns, signatureSchema, type FilePayload } from '../kit';

export type SignerRole = 'chair' | 'secretary';

export interface MinutesSignature {
  role: SignerRole;
  name: string;
  signedAt: string;
}

export interface SealSummary {
  version: number;
  kind: 'minutes' | 'amendment';
  digest: string;
  /** Short code printed on the file (XXXX-XXXX-XXXX). */
  code: string;
  signedAt: string;
  /** For an amendment: why the minutes were changed. */
  note: string;
  signers: MinutesSignature[];
}

export interface SealStatus {
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  chairName: string | null;
  secretaryName: string | null;
  /** When the minutes became read-only (first signature), or null while they can be edited. */
  lockedAt: string | null;
  /** The version the next signatures are for (1 = the minutes, 2… = amendments). */
  version: number;
  /** Signatures collected so far for that version. */
  signatures: MinutesSignature[];
  /** An amendment opened after signing and not yet sealed. */
  amendment: { reason: string; openedAt: string } | null;
  seals: SealSummary[];
  /** Why signing cannot go ahead now, in plain Chinese; empty when it can. */
  blockers: string[];
  /**
   * The minutes hold words someone wrote (headings and generated blocks do not count): signing empty
   * minutes asks first. Read before the version's first signature; true from then on.
   */
  minutesWritten: boolean;
  /** Every version signed and sealed; nothing waiting. */
  complete: boolean;
}

export type VerifyVerdict = 'signed' | 'altered' | 'unknown';

export interface VerifyReport {
  verdict: VerifyVerdict;
  /** One sentence in plain words. */
  headline: string;
  /** What was checked or found, one line each. */
  details: string[];
  meetingTitle: string | null;
  version: number | null;
  code: string | null;
  signedAt: string | null;
  signers: MinutesSignature[];
}

const signerRole = z.enum(['chair', 'secretary'], { error: '只有主持人和记录人在会议记录上签字' });

export const sealsArea = {
  'seals:status': query(z.object({ meetingId: id }), returns<SealStatus>()),
  /** The chair or the secretary signs; the second signature seals the record. */
  'seals:sign': mutation(
    z.object({ meetingId: id, role: signerRole, signaturePngBase64: signatureSchema }),
    returns<SealStatus>(),
    chairOnly,
  ),
  /** Opens an amendment after signing: the minutes can be edited again and are signed as a new version. */
  'seals:amend': mutation(
    z.object({ meetingId: id, reason: requiredText(400, '修订理由').min(4, '请写明修订理由（至少 4 个字）') }),
    returns<SealStatus>(),
    chairOnly,
  ),
  /** The minutes as Word: the given sealed version, the latest one (null), or a draft before signing. */
  'seals:export': query(z.object({ meetingId: id, version: id.nullable().default(null) }), returns<FilePayload>()),
  /** Checks a Word file against this council's registered keys: signed, altered or unknown. */
  'seals:verify': query(
    z.object({ fileName: requiredText(200, '文件名'), dataBase64: base64FileSchema }),
    returns<VerifyReport>(),
  ),
} as const;
