/** Courtyard compacts (院落公约): articles, versions, adoption by a vote, households' signatures. */
import { z } from 'zod';
import { chairOnly, dateSchema, id, mutation, query, requiredText, returns, signatureSchema, text, type FilePayload } from '../kit';
import { maxArticles, maxTitleChars } from '../../domain/compacts/articles';

export interface CompactSummary {
  id: number;
  councilId: number;
  title: string;
  createdAt: string;
  versionCount: number;
  /** The newest version's number, or null before the first save. */
  latestVersion: number | null;
  /** The adopted version in force, or null while every version is a draft. */
  inForceVersion: number | null;
  adoptedAt: string | null;
  /** Households that signed the version in force, and all households of the council. */
  signed: number;
  households: number;
}

/** The meeting matter and vote that adopted a version, with the vote's outcome. */
export interface CompactAdoption {
  agendaItemId: number | null;
  agendaTitle: string;
  meetingId: number | null;
  meetingTitle: string;
  meetingDate: string;
  voteId: number | null;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  ruleName: string;
  /** The rules engine's sentence on the outcome (通过 / 未通过 and why). */
  explanation: string;
  passed: boolean;
  adoptedAt: string;
}

export interface CompactVersion {
  id: number;
  version: number;
  articles: string[];
  note: string;
  createdAt: string;
  /** null while a draft. */
  adoption: CompactAdoption | null;
  signatureCount: number;
}

export interface CompactSignature {
  id: number;
  householdId: number;
  householdCode: string;
  signerName: string;
  onPaper: boolean;
  hasImage: boolean;
  /** YYYY-MM-DD. */
  signedOn: string;
  recordedAt: string;
}

export interface UnsignedHousehold {
  householdId: number;
  code: string;
  /** The household's representative (户代表), or its first listed person; null when nobody is listed. */
  suggestedSigner: string | null;
  people: string[];
}

/** Who has signed the version in force and who has not. */
export interface CompactSigning {
  versionId: number;
  version: number;
  signed: number;
  total: number;
  signatures: CompactSignature[];
  unsigned: UnsignedHousehold[];
}

export interface CompactDetail {
  id: number;
  councilId: number;
  title: string;
  createdAt: string;
  /** Oldest first. */
  versions: CompactVersion[];
  inForceVersionId: number | null;
  signing: CompactSigning | null;
}

/** A voted matter offered as the basis for adopting a version; `problem` says why it cannot be used. */
export interface AdoptionCandidate {
  voteId: number;
  agendaItemId: number;
  agendaTitle: string;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  status: 'open' | 'closed' | 'locked';
  passed: boolean | null;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  ruleName: string;
  problem: string | null;
}

const title = requiredText(maxTitleChars, '公约名称');
/** Each article is checked precisely (numbered errors) by shared/domain/compacts/articles.ts; this only bounds the size. */
const articlesSchema = z
  .array(z.string({ error: '条款必须是文字' }).max(4000, '每条最多 1000 个字'), { error: '缺少条款' })
  .max(maxArticles, `公约最多 ${maxArticles} 条`);

export const compactsArea = {
  'compacts:list': query(z.object({ councilId: id }), returns<CompactSummary[]>()),
  'compacts:get': query(z.object({ compactId: id }), returns<CompactDetail>()),
  'compacts:create': mutation(z.object({ councilId: id, title }), returns<CompactDetail>(), chairOnly),
  'compacts:rename': mutation(z.object({ compactId: id, title }), returns<CompactDetail>(), chairOnly),
  /** Only a compact never adopted can be deleted. */
  'compacts:delete': mutation(z.object({ compactId: id }), returns<{ deleted: true }>(), chairOnly),
  /** Saves the articles as the next version; versions are never changed afterwards. */
  'compacts:saveVersion': mutation(
    z.object({ compactId: id, articles: articlesSchema, note: text(200, '修改说明').default('') }),
    returns<CompactDetail>(),
    chairOnly,
  ),
  /** With a compact: a matter that does not name it carries the reason it cannot adopt it. */
  'compacts:adoptionCandidates': query(z.object({ councilId: id, compactId: id.nullable().default(null) }), returns<AdoptionCandidate[]>()),
  /** Marks a version adopted by a vote that passed. */
  'compacts:adopt': mutation(z.object({ versionId: id, voteId: id }), returns<CompactDetail>(), chairOnly),
  /** A household signs the adopted version: drawn on the pad, or on the printed sheet (with the date). */
  'compacts:sign': mutation(
    z.object({
      versionId: id,
      householdId: id,
      signerName: requiredText(40, '签字人姓名'),
      mode: z.enum(['pad', 'paper'], { error: '签字方式只能是 手写板 或 纸面' }),
      signaturePngBase64: signatureSchema.nullable().default(null),
      /** Defaults to today. */
      signedOn: dateSchema.nullable().default(null),
    }),
    returns<CompactDetail>(),
    chairOnly,
  ),
  /** Takes back a signature recorded by mistake (wrong household); the reason goes to the audit log. */
  'compacts:removeSignature': mutation(
    z.object({ signatureId: id, reason: requiredText(200, '撤销理由').min(2, '请写明撤销理由') }),
    returns<CompactDetail>(),
    chairOnly,
  ),
  'compacts:signatureImage': query(z.object({ signatureId: id }), returns<{ pngBase64: string }>()),
  /** The version as Word: preamble with the adopting vote, the articles, and the signature table. */
  'compacts:export': query(z.object({ versionId: id }), returns<FilePayload>()),
  /** A printable sheet (户号, 户代表, 签字, 日期) for households who sign on paper. */
  'compacts:blankSheet': query(z.object({ versionId: id }), returns<FilePayload>()),
} as const;
