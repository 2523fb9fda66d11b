/** A paper round and its ballots, register and count record, built in memory for the Word files' tests and bench. */
import type { CountRecordDoc, PaperRound, PrintedBallot, RegisterLine } from '../../src-main/host/areas/paper/docx-types';

const checkAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const given = ['秀英', '建国', '兆品', '桂兰', '志强', '海燕', '德华', '明', '静', '淑芬'];

export function sampleRound(overrides: Partial<PaperRound> = {}): PaperRound {
  return {
    id: 7,
    meetingId: 3,
    councilName: '锦绣花园小区业主委员会',
    title: '关于续聘物业服务企业及使用专项维修资金的书面征求意见',
    opensOn: '2026-12-06',
    deadline: '2026-12-20',
    returnTo: '小区北门物业服务中心旁固定票箱，或交给上门收票的业委会委员',
    markingRules: '',
    secret: false,
    status: 'open',
    matters: [
      { voteId: 101, position: 1, title: '续聘锦程物业服务有限公司为本小区物业服务企业，服务期三年', ruleName: '一般事项', ruleSummary: '经参与表决专有部分面积过半数且参与表决人数过半数的业主同意', special: false },
      { voteId: 102, position: 2, title: '使用专项维修资金更换 3 号楼、5 号楼电梯', ruleName: '特别事项', ruleSummary: '经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意', special: true },
      { voteId: 103, position: 3, title: '修订《管理规约》第十二条（车位使用）', ruleName: '一般事项', ruleSummary: '经参与表决专有部分面积过半数且参与表决人数过半数的业主同意', special: false },
    ],
    tellers: ['王芳', '李建国'],
    scrutineers: ['赵桂兰'],
    postedOn: null,
    postedUntil: null,
    ...overrides,
  };
}

function checkCode(seed: number): string {
  let value = Math.imul(seed, 2654435761) >>> 0;
  let code = '';
  for (let i = 0; i < 8; i += 1) {
    value = Math.imul(value ^ (value >>> 15), 2246822519) >>> 0;
    value = (value ^ (value >>> 13)) >>> 0;
    code += checkAlphabet[value % checkAlphabet.length];
  }
  return code;
}

/** `count` ballots over buildings of 4 units × 18 floors × 2 doors; every tenth owner holds two units. */
export function sampleBallots(round: PaperRound, count: number): PrintedBallot[] {
  return Array.from({ length: count }, (_, index) => {
    const building = String(1 + Math.floor(index / 144));
    const unit = 1 + (Math.floor(index / 36) % 4);
    const door = `${1 + (Math.floor(index / 2) % 18)}0${1 + (index % 2)}`;
    const serial = round.secret ? checkCode(index + 9000).slice(0, 8) : `P${round.id}-${String(index + 1).padStart(4, '0')}`;
    const code = checkCode(index + 1);
    // The second unit of an owner with two is in the estate's low-rise block 99, so no two ballots share a unit.
    const units = index % 10 === 3 ? [`${building}-${unit}-${door}`, `99-1-${index + 1}`] : [`${building}-${unit}-${door}`];
    const name = surnames[index % surnames.length]! + given[(index * 7) % given.length]!;
    return {
      serial,
      checkCode: code,
      qrText: `courtyard-ballot:1:${round.id}:${serial}:${code}`,
      names: round.secret ? null : index % 7 === 0 ? `${name}、${surnames[(index + 3) % surnames.length]!}${given[index % given.length]!}` : name,
      units: round.secret ? [] : units,
      areaCenti: 8950 + (index % 9) * 1125 + (units.length - 1) * 9000,
      building: round.secret ? null : building,
    };
  });
}

export function sampleRegister(ballots: PrintedBallot[], returnedEvery = 3): RegisterLine[] {
  return ballots.map((ballot, index) => ({
    voterKey: `owner:${index + 1}`,
    label: `${ballot.names ?? '业主'}（${ballot.units.join('、')}）`,
    building: ballot.building,
    units: ballot.units,
    areaCenti: ballot.areaCenti,
    issuedAt: index % 11 === 10 ? null : `2026-12-0${6 + (index % 3)}T0${1 + (index % 8)}:30:00.000Z`,
    issuedHow: index % 11 === 10 ? null : (['in_person', 'door', 'mailbox'] as const)[index % 3]!,
    issuedBy: index % 11 === 10 ? null : index % 2 ? '周海燕' : '陈志强',
    returnedAt: index % returnedEvery === 0 ? `2026-12-1${index % 9}T10:15:00.000Z` : null,
    returnedOnPaper: index % returnedEvery === 0 && index % 2 === 0,
    hasSignature: index % returnedEvery === 0 && index % 2 === 1,
    returnedBox: index % returnedEvery === 0 ? (index % 4 ? '固定票箱' : '流动票箱') : null,
  }));
}

const share = (headcount: number, areaCenti: number) => ({ headcount, areaCenti });

/**
 * A count record as the host seals it: 60 entitled, 41 read at the count (2 of them invalid), the
 * register saying 42 came back; one matter fails its special-matter rule. Without a signature
 * picture the named tellers and scrutineers have not signed yet.
 */
export function sampleRecord(round: PaperRound, signature: Buffer | null): CountRecordDoc {
  return {
    format: 1,
    councilName: round.councilName,
    meetingTitle: '2026年第二次业主大会',
    round: {
      id: round.id,
      title: round.title,
      opensOn: round.opensOn,
      deadline: round.deadline,
      returnTo: round.returnTo,
      secret: round.secret,
      voterBasis: 'owners',
      closedAt: '2026-12-20T16:00:00.000Z',
      countStartedAt: '2026-12-21T11:30:00.000Z',
    },
    tellers: round.tellers,
    scrutineers: round.scrutineers,
    reconciliation: {
      entitled: 60,
      printed: 60,
      issued: 60,
      returned: 42,
      counted: 39,
      invalid: 2,
      uncounted: 19,
      mismatches: ['登记册记录收回 42 张，计票读入 41 张（有效 39 张、废票 2 张），少 1 张，请核对票箱和登记册。'],
    },
    participation: {
      entitledHeadcount: 60,
      entitledAreaCenti: 612_400,
      returnedHeadcount: 41,
      returnedAreaCenti: 431_050,
      neededHeadcount: 40,
      neededAreaCenti: 408_267,
      headcountMet: true,
      areaMet: true,
      issued: 60,
      returned: 42,
      counted: 39,
      invalid: 2,
    },
    matters: round.matters.map((matter, index) => ({
      voteId: matter.voteId,
      position: index + 1,
      title: matter.title,
      ruleName: matter.ruleName,
      ruleSummary: matter.ruleSummary,
      special: matter.special,
      counts: {
        for: share(30 - index * 4, 318_800 - index * 41_000),
        against: share(6 + index * 3, 61_200 + index * 30_000),
        abstain: share(2 + index, 21_050 + index * 11_000),
        blank: share(1 - Math.min(index, 1), 9_000 - Math.min(index, 1) * 9_000),
      },
      invalid: share(2, 21_000),
      passed: !matter.special,
      explanation: matter.special
        ? '同意的业主 26 人、专有部分面积 2,778.00㎡，未达到参与表决人数和面积的四分之三（31 人、3,232.88㎡），未通过。'
        : '同意的业主 30 人、专有部分面积 3,188.00㎡，均超过参与表决人数和面积的一半（21 人、2,155.26㎡），通过。',
    })),
    invalidBallots: [
      { serial: `P${round.id}-0012`, reason: '各事项均未填写' },
      { serial: `P${round.id}-0031`, reason: '票面涂改，无法确认本人意思' },
    ],
    corrections: [
      {
        serial: `P${round.id}-0007`,
        askedBy: '王芳',
        askedAt: '2026-12-21T12:02:00.000Z',
        reason: '第 2 项误点为反对',
        from: '第 2 项：反对',
        to: '第 2 项：同意',
        confirmedBy: '赵桂兰',
        confirmedAt: '2026-12-21T12:04:00.000Z',
      },
    ],
    signatures: signature
      ? [
          ...round.tellers.map((name) => ({ role: 'teller' as const, name, signedAt: '2026-12-21T13:05:00.000Z', pngBase64: signature.toString('base64') })),
          ...round.scrutineers.map((name) => ({ role: 'scrutineer' as const, name, signedAt: '2026-12-21T13:07:00.000Z', pngBase64: signature.toString('base64') })),
        ]
      : [],
    sealedAt: '2026-12-21T13:07:00.000Z',
  };
}
