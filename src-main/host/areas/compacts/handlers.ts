import type { compactsContract } from '../../../../shared/api/contracts/compacts';
import { blankSignatureSheet, compactDocx } from './docx';
import {
  adoptVersion,
  createCompact,
  deleteCompact,
  getCompact,
  listCompacts,
  removeSignature,
  renameCompact,
  saveVersion,
  signatureImage,
  signCompact,
} from './service';
import { adoptionCandidates } from './votes';
import { getCouncil } from '../councils/service';
import type { AreaContext, AreaHandlers } from '../../core/registry';

export function compactsHandlers(context: AreaContext): AreaHandlers<typeof compactsContract> {
  const { db, tx, now } = context;
  return {
    'compacts:list': ({ councilId }) => listCompacts(db, councilId),
    'compacts:get': ({ compactId }) => getCompact(db, compactId),
    'compacts:create': (input) => tx(() => createCompact(db, input, now())),
    'compacts:rename': (input) => tx(() => renameCompact(db, input)),
    'compacts:delete': ({ compactId }) => tx(() => deleteCompact(db, compactId)),
    'compacts:saveVersion': (input) => tx(() => saveVersion(db, input, now())),
    'compacts:adoptionCandidates': ({ councilId }) => {
      getCouncil(db, councilId);
      return adoptionCandidates(db, councilId);
    },
    'compacts:adopt': (input) => tx(() => adoptVersion(db, input, now())),
    'compacts:sign': (input) => tx(() => signCompact(db, input, now())),
    'compacts:removeSignature': (input) => tx(() => removeSignature(db, input, now())),
    'compacts:signatureImage': ({ signatureId }) => signatureImage(db, signatureId),
    'compacts:export': ({ versionId }) => compactDocx(db, versionId, now()),
    'compacts:blankSheet': ({ versionId }) => blankSignatureSheet(db, versionId, now()),
  };
}
