import type { OfficerOpName } from '../api/contract-officer.js';
import { archiveTimeZone } from '../domain/archive-time.js';
import { certificateAdd, officerCheckCase, officerCreate, officerGet, officerList, officerUpdate } from '../officers/register.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

/** The officer register (持证上岗): a thin map onto src/officers/register.ts. */
export function officerHandlers(deps: HandlerDeps): HandlerMap<OfficerOpName> {
  const { archive } = deps;
  const today = () =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: archiveTimeZone(archive.meta), year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      archive.clock.now(),
    );
  return {
    'officer.list': async (i) => officerList(archive, today(), i.query),
    'officer.get': async (i) => officerGet(archive, i, today()),
    'officer.create': async (i, ctx) => officerCreate(archive, userOf(ctx), i, today()),
    'officer.update': async (i, ctx) => officerUpdate(archive, userOf(ctx), i, today()),
    'officer.certificate.add': async (i, ctx) => certificateAdd(archive, userOf(ctx), i.officerId, i.certificate, today()),
    'officer.checkCase': async (i) => officerCheckCase(archive, i.officers, i.day ?? today()),
  };
}
