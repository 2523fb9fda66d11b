import type { wishesArea } from '../../../../shared/api/areas/wishes';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { acceptWish, declineWish, intakeStatus, listWishes, setIntake, mergeWish, submitWish, supportWish } from './service';

export function wishesHandlers({ db, now }: AreaContext): AreaHandlers<typeof wishesArea> {
  return {
    'wish:intake': ({ councilId }) => intakeStatus(db, councilId),
    'wish:setIntake': ({ councilId, open }) => setIntake(db, councilId, open),
    'wish:submit': (input) => submitWish(db, input, now()),
    'wish:list': ({ councilId }) => listWishes(db, councilId),
    'wish:accept': (input) => acceptWish(db, input, now()),
    'wish:decline': (input) => declineWish(db, input),
    'wish:merge': (input) => mergeWish(db, input),
    'wish:support': (input, caller) => supportWish(db, input, caller.kind === 'public' ? (caller.address ?? null) : null, now()),
  };
}
