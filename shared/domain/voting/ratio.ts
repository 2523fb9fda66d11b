/**
 * Exact comparison of a part against a fraction of a whole, the way Chinese law counts:
 * "以上" (at least) includes the boundary itself, "过半数" / "超过" (more than) does not
 * (民法典第一千二百五十九条). Everything is integer cross-multiplication in BigInt, so no
 * boundary ever meets floating point and no product can overflow, whatever the areas add up to.
 */
export interface Ratio {
  numerator: number;
  denominator: number;
}

/** A fraction with its counting sense: inclusive is "以上" (≥), otherwise "超过" (>). */
export interface Bound {
  ratio: Ratio;
  inclusive: boolean;
}

export const moreThanHalf: Bound = { ratio: { numerator: 1, denominator: 2 }, inclusive: false };
export const atLeastHalf: Bound = { ratio: { numerator: 1, denominator: 2 }, inclusive: true };
export const atLeastTwoThirds: Bound = { ratio: { numerator: 2, denominator: 3 }, inclusive: true };
export const atLeastThreeQuarters: Bound = { ratio: { numerator: 3, denominator: 4 }, inclusive: true };

/**
 * Whether part reaches the bound of whole. An empty whole never does: "two thirds of nobody"
 * must not let a meeting with no one entitled, or a vote with no ballots, pass.
 */
export function meetsBound(part: number, whole: number, bound: Bound): boolean {
  if (whole <= 0) return false;
  const left = BigInt(part) * BigInt(bound.ratio.denominator);
  const right = BigInt(bound.ratio.numerator) * BigInt(whole);
  return bound.inclusive ? left >= right : left > right;
}

/** The smallest whole number (of people, or of centi-m²) that meets the bound of whole. */
export function minimumToMeet(whole: number, bound: Bound): number {
  const product = BigInt(bound.ratio.numerator) * BigInt(Math.max(whole, 0));
  const denominator = BigInt(bound.ratio.denominator);
  const minimum = bound.inclusive ? (product + denominator - 1n) / denominator : product / denominator + 1n;
  return Number(minimum);
}

const chineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function chineseNumber(value: number): string {
  return chineseDigits[value] ?? String(value);
}

/** 1/2 > "过半数", 1/2 ≥ "半数以上", 2/3 ≥ "三分之二以上", 3/4 > "超过四分之三". */
export function boundLabel(bound: Bound): string {
  const { numerator, denominator } = bound.ratio;
  if (numerator === 1 && denominator === 2) return bound.inclusive ? '半数以上' : '过半数';
  if (numerator === denominator) return bound.inclusive ? '全部' : '超过全部';
  const fraction = `${chineseNumber(denominator)}分之${chineseNumber(numerator)}`;
  return bound.inclusive ? `${fraction}以上` : `超过${fraction}`;
}
