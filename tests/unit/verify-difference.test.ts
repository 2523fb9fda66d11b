import { describe, expect, it } from 'vitest';
import { aroundFirstDifference } from '../../src-main/host/areas/seals/verify';

describe('where an altered paragraph differs', () => {
  it('quotes the same stretch of both around the first difference, however far into the paragraph', () => {
    const opening = '经与会人员充分协商，同意在 5 号楼北侧空地建设电动自行车集中充电棚，由物业公司负责日常维护，';
    const [was, now] = aroundFirstDifference(`${opening}每月费用 20 元。`, `${opening}每月费用 30 元。`);
    expect(was).toBe('…负责日常维护，每月费用 20 元。');
    expect(now).toBe('…负责日常维护，每月费用 30 元。');
  });

  it('quotes a short paragraph whole, and marks a cut at either end', () => {
    expect(aroundFirstDifference('同意 20 票', '同意 30 票')).toEqual(['同意 20 票', '同意 30 票']);
    const long = '甲'.repeat(60);
    const [was] = aroundFirstDifference(`乙${long}`, `丙${long}`);
    expect(was).toBe(`乙${'甲'.repeat(23)}…`);
  });
});
