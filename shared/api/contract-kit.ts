/** The building blocks of the contract, shared by every area's contract file. */
import { z } from 'zod';

/** A typed slot for a result type: the value is never used, only its type. */
export function returns<T>(): T {
  return undefined as T;
}

/**
 * kind: a query changes nothing; a mutation may change stored data.
 * broadcast: whether open screens are told to refresh after it succeeds (every mutation but the
 * high-frequency ones, such as a keystroke's worth of minutes, which travel peer to peer instead).
 */
export function define<I extends z.ZodType, O>(input: I, output: O, kind: 'query' | 'mutation', broadcast: boolean) {
  return { input, output, kind, broadcast };
}
export const query = <I extends z.ZodType, O>(input: I, output: O) => define(input, output, 'query', false);
export const mutation = <I extends z.ZodType, O>(input: I, output: O) => define(input, output, 'mutation', true);
/** A mutation that does not make every open screen reload. */
export const quietMutation = <I extends z.ZodType, O>(input: I, output: O) => define(input, output, 'mutation', false);

export const id = z.number({ error: '缺少编号' }).int('编号必须是整数').positive('编号必须是正整数');
export const text = (max: number, label: string) =>
  z.string({ error: `${label}必须是文字` }).trim().max(max, `${label}不能超过 ${max} 个字`);
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
  .max(28_000_000, '文件太大(最大 20 MB)')
  .regex(/^[A-Za-z0-9+/=\s]*$/, '文件内容无法读取');
