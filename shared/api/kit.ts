/**
 * The building blocks of the contract, shared by every area's file: how a call is declared, who may
 * make it, and the schemas and result shapes several areas use.
 */
import { z } from 'zod';

type ZodIssue = Parameters<NonNullable<z.core.$ZodConfig['localeError']>>[0];

/** What each of zod's type names is called to the person at the desk. */
const typeWords: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '“是”或“否”',
  object: '一组填写内容',
  record: '一组填写内容',
  array: '列表',
  tuple: '列表',
  set: '列表',
  map: '一组填写内容',
  date: '日期',
  file: '文件',
};

/**
 * zod's own messages, for every check a schema did not word itself: Chinese only. zod's zh-CN
 * locale names the types in English and shows schema internals (期望 object，实际接收 数组,
 * 期望 number >=1, a regular expression); a person can act on neither.
 */
export function chineseZodMessage(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '缺少必填的内容';
      const word = typeWords[issue.expected];
      return word ? `格式不对，应为${word}` : '格式不对';
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive ? `不能大于 ${max}` : `必须小于 ${max}`;
      }
      if (issue.origin === 'file') return '文件太大';
      return '超出了允许的范围';
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return issue.minimum === 1 ? '不能为空' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return issue.minimum === 1 ? '至少要有一项' : `至少 ${min} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive ? `不能小于 ${min}` : `必须大于 ${min}`;
      }
      return '不到允许的范围';
    }
    case 'not_multiple_of':
      return `必须是 ${String(issue.divisor)} 的倍数`;
    case 'invalid_value':
      return '不是可以选择的值';
    case 'unrecognized_keys':
      return '有无法识别的填写项';
    case 'invalid_format':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '格式不对';
    default:
      return '输入有误';
  }
}

// Set where every schema is declared, so the host, the renderer and the tests all read the same words.
z.config({ localeError: chineseZodMessage });

/** The roles a join code gives a participant on the LAN. */
export const participantRoles = ['viewer', 'editor', 'door', 'counter'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** At most `calls` calls per `perMinutes` minutes from one address (the browser host checks it). */
export interface RateLimit {
  calls: number;
  perMinutes: number;
}

/** What a participant's answer is cut to: the council of the meeting they joined, and their role. */
export interface ParticipantScope {
  councilId: number | null;
  role: ParticipantRole;
}

/**
 * Who may make a call, declared next to it. The chair (the desktop window, or a browser on this
 * computer logged in with the address the host printed) may make every call; a participant joined
 * over the LAN only the calls whose `roles` include theirs, and only about their own meeting; a
 * `public` call is open to anyone who reaches the host. Nothing declared: the chair only (default
 * deny, so a new call stays closed until opened here).
 */
export interface Access<O> {
  roles?: readonly ParticipantRole[];
  public?: true;
  rateLimit?: RateLimit;
  /**
   * What a participant receives instead of the chair's answer: only their own council, fewer rows,
   * no phone numbers. The least a role needs, declared with the call (participants never receive
   * phone numbers: a test walks every answer of every role).
   */
  participantView?: (value: O, scope: ParticipantScope) => unknown;
}

/** A person as a participant sees them: everything but the phone number. */
export function withoutPhone<T extends { phone: string }>({ phone: _phone, ...rest }: T): Omit<T, 'phone'> {
  return rest;
}

/**
 * Where a call's transaction is opened.
 * - 'dispatcher' (every mutation's default): the dispatcher runs the handler in one immediate
 *   transaction, so a rejected call leaves nothing behind; the handler must be synchronous.
 * - 'handler': the handler awaits something (a file read, the minutes worker, a QR code) or must
 *   run outside any transaction (VACUUM INTO, swapping the database file), and opens its own.
 * - 'none' (every query's default).
 */
export type TransactionMode = 'dispatcher' | 'handler' | 'none';

export interface Declaration<I extends z.ZodType, O, T extends TransactionMode> {
  input: I;
  /** A typed slot for the result type (see returns): only its type is used. */
  output: O;
  /** A query changes nothing; a mutation may change stored data. */
  kind: 'query' | 'mutation';
  /**
   * Whether open screens are told to refresh after it succeeds (every mutation but the
   * high-frequency ones, such as a keystroke's worth of minutes, which travel peer to peer instead).
   */
  broadcast: boolean;
  access: Access<O>;
  transaction: T;
}

type Options<O, T extends TransactionMode> = Access<O> & { transaction?: T };

function declaration<I extends z.ZodType, O, T extends TransactionMode>(
  input: I,
  output: O,
  kind: 'query' | 'mutation',
  broadcast: boolean,
  { transaction, ...access }: Options<O, T>,
  fallback: TransactionMode,
): Declaration<I, O, T> {
  return { input, output, kind, broadcast, access, transaction: (transaction ?? fallback) as T };
}

/** The chair only: what a call declares when no participant and no resident may make it. */
export const chairOnly = {} as const;

/** A typed slot for a result type: the value is never used, only its type. */
export function returns<T>(): T {
  return undefined as T;
}

export const query = <I extends z.ZodType, O, const T extends TransactionMode = 'none'>(input: I, output: O, access: Options<O, T> = {}) =>
  declaration(input, output, 'query', false, access, 'none');
export const mutation = <I extends z.ZodType, O, const T extends TransactionMode = 'dispatcher'>(input: I, output: O, access: Options<O, T>) =>
  declaration(input, output, 'mutation', true, access, 'dispatcher');
/** A mutation that does not make every open screen reload. */
export const quietMutation = <I extends z.ZodType, O, const T extends TransactionMode = 'dispatcher'>(input: I, output: O, access: Options<O, T>) =>
  declaration(input, output, 'mutation', false, access, 'dispatcher');

/** A record's id. Given as text ("12") or anything else it is there but not an id: 编号无效. */
export const id = z
  .number({ error: (issue) => (issue.input === undefined ? '缺少编号' : '编号无效') })
  .int('编号无效')
  .positive('编号无效');
export const text = (max: number, label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是文字`) })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);
export const requiredText = (max: number, label: string) => text(max, label).min(1, `请填写${label}`);

export const dateSchema = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-05-20')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), '不是有效日期');
export const timeSchema = z.string({ error: '请填写时间' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 19:30');

/** A PNG of a handwritten signature, base64; a signature pad's image is far below the limit. */
export const signatureSchema = z
  .string()
  .max(700_000, '签名图片太大')
  .regex(/^iVBORw0KGgo[A-Za-z0-9+/=]*$/, '签名必须是 PNG 图片');

/** A file sent from the user's machine, base64 (at most 20 MB). */
export const base64FileSchema = z
  .string()
  .min(1, '文件是空的')
  .max(28_000_000, '文件太大（最大 20 MB）')
  .regex(/^[A-Za-z0-9+/=\s]*$/, '文件内容无法读取');

/** A file the host made (Word, Excel, an archive), for the user to save; every exporting area answers with it. */
export interface FilePayload {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}
