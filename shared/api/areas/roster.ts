/** The roster: households (units), the people of a council, and importing and exporting them. */
import { z } from 'zod';
import { parseAreaToCenti } from '../../domain/roster/floor-area';
import { normaliseHouseholdCode } from '../../domain/roster/household-code';
import { normalisePhones } from '../../domain/roster/phone';
import { personRoles, tenures, type PersonRole, type Tenure } from '../../domain/roster/roles';
import { base64FileSchema, chairOnly, id, mutation, query, requiredText, returns, text, withoutPhone, type FilePayload } from '../kit';

/**
 * How many people one search at the door returns at most: enough to pick the arriving resident,
 * too few to copy the roster out.
 */
export const doorSearchLimit = 20;

/** The most rows one roster file may hold: a large estate (some 8,000 households) in one office file. */
export const importRowLimit = 20_000;
/** The preview answers with the first rows and the first problems only, and counts them all. */
export const previewRowLimit = 100;
export const previewIssueLimit = 50;

/** A unit. Floor areas travel as whole hundredths of a m² (see domain/roster/floor-area.ts). */
export interface Household {
  id: number;
  councilId: number;
  code: string;
  building: string;
  unit: string;
  room: string;
  areaCenti: number | null;
  tenure: Tenure;
  note: string;
  memberCount: number;
  /** The unit's owners (产权人) as recorded, by person id and name; empty when none is recorded. */
  owners: Array<{ id: number; name: string }>;
}

export interface Person {
  id: number;
  councilId: number;
  name: string;
  pinyinInitials: string;
  pinyinFull: string;
  phone: string;
  roles: PersonRole[];
  householdId: number | null;
  householdCode: string | null;
}

export interface ImportIssue {
  /** Row number as the user sees it in the spreadsheet (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export interface ImportRowPreview {
  row: number;
  name: string;
  householdCode: string;
  areaCenti: number | null;
  tenure: Tenure;
  phone: string;
  roles: PersonRole[];
  /** Recorded as an owner (产权人) of the household's unit. */
  titleHolder: boolean;
  /** 'new' household, 'existing' household, or 'updated' when area/tenure change. */
  household: 'new' | 'existing' | 'updated';
}

export interface ImportPreview {
  fileName: string;
  encoding: 'utf-8' | 'gbk' | 'xlsx';
  /** The first rows to import (at most previewRowLimit); rowCount counts them all. */
  rows: ImportRowPreview[];
  rowCount: number;
  /** The first problems in row order (at most previewIssueLimit); issueCount counts them all. */
  issues: ImportIssue[];
  issueCount: number;
  /** What the import tells without refusing: the columns it reads and leaves out, rows it skips or fills in, names that lost a character. */
  notes: string[];
  householdsNew: number;
  householdsUpdated: number;
  peopleNew: number;
  /** Titles to record: people marked 产权人 and the rows of the sheet 产权. */
  titlesNew: number;
}

export interface ImportResult {
  householdsCreated: number;
  householdsUpdated: number;
  peopleCreated: number;
}

export const householdCodeSchema = z
  .string({ error: '请填写户号' })
  .trim()
  .min(1, '请填写户号')
  .max(40, '户号不能超过 40 个字')
  .transform((value, ctx) => {
    const code = normaliseHouseholdCode(value);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: `户号“${value}”格式不对，应为 楼栋-单元-门牌，如 3-2-501` });
      return z.NEVER;
    }
    return code;
  });

/** Area as the user typed it ("85.5"); becomes whole hundredths of a m², or null when blank. */
export const areaTextSchema = z
  .string({ error: '面积必须是文字' })
  .trim()
  .max(20, '面积不能超过 20 个字')
  .transform((value, ctx) => {
    if (value === '') return null;
    const centi = parseAreaToCenti(value);
    if (centi === null) {
      ctx.addIssue({ code: 'custom', message: `面积“${value}”不是有效数字（最多两位小数，单位㎡）` });
      return z.NEVER;
    }
    if (centi === 0) {
      // An owners' vote weighs areas: 0 would silently drop the unit from the area count.
      ctx.addIssue({ code: 'custom', message: '面积不能为 0；不知道面积请留空' });
      return z.NEVER;
    }
    return centi;
  });

/** One to three numbers (full-width digits read as digits), kept joined by 、. */
const phoneSchema = z
  .string()
  .max(80, '电话太长')
  .default('')
  .transform((value, ctx) => {
    const phones = normalisePhones(value);
    if (phones === null) {
      ctx.addIssue({ code: 'custom', message: '电话只能包含数字、空格、+、-、括号；两个号码之间用“、”隔开，最多三个' });
      return z.NEVER;
    }
    return phones;
  });
const rolesSchema = z.array(z.enum(personRoles, { error: '未知的身份' })).max(personRoles.length).default([]);
const tenureSchema = z.enum(tenures, { error: '产权只能是 业主 或 租户' });
const fileSchema = z.object({ councilId: id, fileName: requiredText(200, '文件名'), dataBase64: base64FileSchema });

const householdFields = {
  code: householdCodeSchema,
  area: areaTextSchema.prefault(''),
  tenure: tenureSchema.default('owner'),
  note: text(200, '备注').default(''),
  /**
   * The people on the unit's title (several for joint owners), from the council's roster. Left out,
   * an update keeps the owners already recorded.
   */
  ownerIds: z.array(id).max(20, '一套房屋最多登记 20 位业主').optional(),
};

const personFields = {
  name: requiredText(40, '姓名'),
  householdId: id.nullable().default(null),
  phone: phoneSchema,
  roles: rolesSchema,
};

export const rosterArea = {
  'household:list': query(z.object({ councilId: id }), returns<Household[]>()),
  'household:create': mutation(z.object({ councilId: id, ...householdFields }), returns<Household>(), chairOnly),
  'household:update': mutation(z.object({ householdId: id, ...householdFields }), returns<Household>(), chairOnly),
  'household:delete': mutation(z.object({ householdId: id }), returns<{ deleted: true }>(), chairOnly),

  /** The whole roster: the chair's alone (the door searches instead). */
  'person:list': query(z.object({ councilId: id }), returns<Person[]>(), chairOnly),
  'person:search': query(
    z.object({ councilId: id, query: text(40, '搜索内容'), limit: z.number().int().min(1).max(200).default(30) }),
    returns<Person[]>(),
    // The door gets the first matches only, and no phone numbers.
    { roles: ['door'], participantView: (people) => people.slice(0, doorSearchLimit).map(withoutPhone) },
  ),
  'person:create': mutation(z.object({ councilId: id, ...personFields }), returns<Person>(), chairOnly),
  'person:update': mutation(z.object({ personId: id, ...personFields }), returns<Person>(), chairOnly),
  'person:delete': mutation(z.object({ personId: id }), returns<{ deleted: true }>(), chairOnly),

  'roster:previewImport': query(fileSchema, returns<ImportPreview>()),
  /** Reads the file (awaiting the spreadsheet parser) before it writes, in its own transaction. */
  'roster:commitImport': mutation(fileSchema, returns<ImportResult>(), { transaction: 'handler' }),
  'roster:exportXlsx': query(z.object({ councilId: id }), returns<FilePayload>()),
  /** A blank roster to fill in: every column the import reads, two example households, notes on the words each column takes. */
  'roster:templateXlsx': query(z.object({}), returns<FilePayload>()),
} as const;
