import type { PersonRole, Tenure } from '../../../../shared/domain/roster/roles';

/**
 * The words roster files use. Community offices keep rosters in whatever columns and
 * words they grew up with; these are the ones seen in practice. The labels are what
 * our export writes (the same as the UI's), so an exported file always imports.
 */
export const roleLabels: Record<PersonRole, string> = {
  chair: '理事会主任',
  vice_chair: '理事会副主任',
  secretary: '记录人',
  member: '理事会成员',
  representative: '户代表',
  supervisor: '监督员',
  observer: '列席',
  party_member: '党员',
  building_head: '楼栋长',
  unit_head: '单元长',
  grid_worker: '网格员',
  household_head: '户主',
};
export const tenureLabels: Record<Tenure, string> = { owner: '业主', tenant: '租户' };

const roleWords: Record<PersonRole, string[]> = {
  chair: ['主任', '主持人', '理事长', '议事会主任'],
  vice_chair: ['副主任', '副理事长', '议事会副主任'],
  secretary: ['记录人', '记录员', '秘书'],
  member: ['理事', '成员', '委员', '议事会成员', '议事员'],
  representative: ['户代表', '居民代表'],
  supervisor: ['监事', '监督员', '监督人', '监事会成员'],
  observer: ['列席', '列席人员'],
  party_member: ['党员', '中共党员'],
  building_head: ['楼栋长', '楼长', '栋长'],
  unit_head: ['单元长'],
  grid_worker: ['网格员'],
  household_head: ['户主'],
};
/** The words a 产权 cell may hold (each tenure's label first), for the template's notes. */
export const tenureWordsHint = (tenure: Tenure): string => [tenureLabels[tenure], ...tenureWords[tenure]].join('、');
/** The words a 身份 cell may hold, as an error lists them: the labels, the same as the screens show. */
export const roleWordsHint = Object.values(roleLabels).join('、');
const tenureWords: Record<Tenure, string[]> = {
  owner: ['业主', '产权人', '房主', '自有', '自有住房', '自有房', '自有产权', '自住', '自住房', '私房', '商品房', '房改房'],
  // 公房 is rented from the state or an employer: its residents are tenants, not owners.
  tenant: ['租户', '承租人', '租住', '租赁', '出租', '租房', '公房', '公租房', '廉租房'],
};

export type Field = 'name' | 'household' | 'building' | 'unit' | 'room' | 'area' | 'tenure' | 'phone' | 'roles' | 'titleHolder';
const columnWords: Record<Field, string[]> = {
  name: ['姓名', '名字', '居民姓名', '成员姓名', 'name'],
  household: ['户号', '住户号', 'household', 'householdcode'],
  building: ['楼栋', '楼号', '栋', '栋号', '幢', 'building'],
  unit: ['单元', '单元号', 'unit'],
  room: ['门牌', '门牌号', '室', '室号', '房间号', 'room'],
  area: ['面积', '建筑面积', '专有面积', '专有部分面积', '房屋面积', 'area'],
  tenure: ['产权', '性质', '产权性质', '房屋性质', 'tenure'],
  phone: ['电话', '手机', '手机号', '手机号码', '联系电话', '电话号码', 'phone', 'mobile', 'tel'],
  roles: ['身份', '角色', '职务', 'roles', 'role'],
  /** Whether the person is on the title of their household's unit (a yes/no column). */
  titleHolder: ['产权人', '是否产权人', '房产证登记人', '产权登记人', 'titleholder', 'owner'],
};

const yesWords = ['是', '√', '✓', '✔', 'y', 'yes', '1', 'true', '产权人'];
const noWords = ['否', '不是', '×', 'n', 'no', '0', 'false'];
/** 是 / 否 (and the usual marks); an empty cell is no; undefined for a word that is neither. */
export function yesOrNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (word === '' || noWords.includes(word)) return false;
  return yesWords.includes(word) ? true : undefined;
}
/** 房号 alone is the whole number (3-2-501); next to 楼栋 and 单元 columns it is the room (501). */
const ROOM_OR_HOUSEHOLD = '房号';

function lookup<K extends string>(
  groups: Record<K, string[]>,
  labels: Partial<Record<K, string>> = {},
): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of Object.keys(groups) as K[]) {
    for (const word of [key, labels[key], ...groups[key]]) if (word) map.set(word.toLowerCase(), key);
  }
  return map;
}
const roleByWord = lookup(roleWords, roleLabels);
const tenureByWord = lookup(tenureWords, tenureLabels);
const fieldByWord = lookup(columnWords);

export const roleOf = (word: string): PersonRole | undefined => roleByWord.get(word.toLowerCase());
export const tenureOf = (word: string): Tenure | undefined => tenureByWord.get(word.toLowerCase());
/** Roles are written "理事、户代表", "主任,理事", "监事/户代表" or with spaces. */
export const splitRoles = (text: string): string[] => text.split(/[、,，;；/\s]+/).filter(Boolean);

/** "面积(㎡)", "面积（平方米）", " Name ", "姓名*" all name the same column. */
function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[(（][^()（）]*[)）]$/, '')
    .replace(/[*:：]+$/, '');
}

/** Which column (0-based) holds each field; unknown columns are left out. */
export type Columns = Partial<Record<Field, number>>;

export function mapColumns(header: readonly string[]): Columns {
  const columns: Columns = {};
  let roomOrHousehold: number | undefined;
  header.forEach((text, index) => {
    const key = headerKey(text);
    if (key === ROOM_OR_HOUSEHOLD) roomOrHousehold ??= index;
    const field = fieldByWord.get(key);
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  if (roomOrHousehold !== undefined && columns.household === undefined) {
    if (columns.building !== undefined || columns.unit !== undefined) columns.room ??= roomOrHousehold;
    else columns.household = roomOrHousehold;
  }
  return columns;
}

export const householdParts = ['building', 'unit', 'room'] as const;
const partNames = { building: '楼栋', unit: '单元', room: '门牌' };

export const hasParts = (columns: Columns) => householdParts.every((part) => columns[part] !== undefined);
const hasHousehold = (columns: Columns) => columns.household !== undefined || hasParts(columns);

/**
 * Rosters often carry a title ("平安小区居民名册") above the header, so the header is
 * the first of the top rows that names a person or household column (0-based index).
 */
export function findHeaderRow(rows: readonly string[][], searchRows = 10): number {
  const index = rows.slice(0, searchRows).findIndex((cells) => {
    const columns = mapColumns(cells);
    return columns.name !== undefined || hasHousehold(columns);
  });
  return Math.max(0, index);
}

/** What is missing from a header, as { column, message } for the user; empty when it will do. */
export function missingColumns(columns: Columns): Array<{ column: string; message: string }> {
  const missing: Array<{ column: string; message: string }> = [];
  if (columns.name === undefined) {
    missing.push({ column: '姓名', message: '缺少“姓名”列。表头（第一行）应写列名，如：姓名、户号、面积、产权、电话、身份。' });
  }
  if (!hasHousehold(columns)) {
    const lacking = householdParts.filter((part) => columns[part] === undefined);
    const message =
      lacking.length < householdParts.length
        ? `分列填写户号时需要“楼栋”“单元”“门牌”三列，缺少${lacking.map((part) => `“${partNames[part]}”`).join('')}列。`
        : '缺少“户号”列。请加一列“户号”（如 3-2-501），或分成“楼栋”“单元”“门牌”三列。';
    missing.push({ column: '户号', message });
  }
  return missing;
}
