import type { compactsArea } from '../../../../shared/api/areas/compacts';
import { blankSignatureSheet, compactDocx } from './docx';
import {
  adoptVersion,
  compactRow,
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

export function compactsHandlers(context: AreaContext): AreaHandlers<typeof compactsArea> {
  const { db, now } = context;
  return {
    'compacts:list': ({ councilId }) => listCompacts(db, councilId),
    'compacts:get': ({ compactId }) => getCompact(db, compactId),
    'compacts:create': (input) => createCompact(db, input, now()),
    'compacts:rename': (input) => renameCompact(db, input),
    'compacts:delete': ({ compactId }) => deleteCompact(db, compactId),
    'compacts:saveVersion': (input) => saveVersion(db, input, now()),
    'compacts:adoptionCandidates': ({ councilId, compactId }) => {
      getCouncil(db, councilId);
      return adoptionCandidates(db, councilId, compactId === null ? null : compactRow(db, compactId).title);
    },
    'compacts:adopt': (input) => adoptVersion(db, input, now()),
    'compacts:sign': (input) => signCompact(db, input, now()),
    'compacts:removeSignature': (input) => removeSignature(db, input, now()),
    'compacts:signatureImage': ({ signatureId }) => signatureImage(db, signatureId),
    'compacts:export': ({ versionId }) => compactDocx(db, versionId, now()),
    'compacts:blankSheet': ({ versionId }) => blankSignatureSheet(db, versionId, now()),
  };
}
