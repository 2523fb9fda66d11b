/**
 * The demo courtyard's draft compact (院落公约): the usual articles a courtyard writes down,
 * saved as version 1 for the council to revise and put to the vote. A compact persuades; it
 * sets no fines, so none of these articles does.
 */
import type { Db } from '../../db/client';
import { createCompact, saveVersion } from './service';

export const demoCompactArticles = [
  '爱护院落环境。各户生活垃圾分类投放，按时送到垃圾房；不在楼道、楼梯间和绿地堆放杂物。',
  '注意消防安全。电动自行车不进楼道、不进家门，不私拉电线“飞线充电”，统一到集中充电点充电；楼道和消防通道保持畅通。',
  '文明停车。机动车停放在划定的车位内，不占用消防通道和单元出入口；非机动车停放在车棚内。',
  '文明养宠。饲养宠物的住户为宠物办理登记和免疫，出门牵绳，及时清理宠物粪便。',
  '保持安静。晚上十点至次日早上七点不在院内大声喧哗；装修施工避开午休和夜间时间。',
  '邻里互助。邻里之间互相尊重、互相帮助，关心院内的老人、残疾人和独居居民；有矛盾先协商，协商不成请议事会调解。',
  '公共收益公开。院落公共收益（广告位、停车费等）和支出每月在公示栏公布一次，接受全体居民监督。',
];

export function seedDemoCompact(db: Db, councilId: number, now: Date): void {
  const compact = createCompact(db, { councilId, title: '平安小区院落公约' }, now);
  saveVersion(db, { compactId: compact.id, articles: demoCompactArticles, note: '初稿，供院落议事会讨论' }, now);
}
