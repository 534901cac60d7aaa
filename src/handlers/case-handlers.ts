import { archiveInfo } from '../cases/archive-info.js';
import { getCase, listCases } from '../cases/case-detail.js';
import { createCase, updateCase } from '../cases/register-case.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

type CaseOps = 'case.create' | 'case.update' | 'case.list' | 'case.get' | 'archive.info';

/** 案件: register and edit cases, list and open them; the archive's summary. */
export function caseHandlers(deps: HandlerDeps): HandlerMap<CaseOps> {
  const { archive } = deps;
  return {
    'archive.info': async () => archiveInfo(archive),
    'case.create': async (input, ctx) => createCase(deps, userOf(ctx), input),
    'case.update': async ({ id, case: input }, ctx) => updateCase(deps, userOf(ctx), id, input),
    'case.list': async (f) => listCases(archive, f),
    'case.get': async (key) => getCase(archive, key),
  };
}
