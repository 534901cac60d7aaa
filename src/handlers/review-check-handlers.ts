import type { ReviewCheckOpName } from '../api/contract-review-check.js';
import { calendarGet, calendarUpdate } from '../calendar/archive-calendar.js';
import { resourcesDir as defaultResourcesDir } from '../resources/paths.js';
import { checkCaseByKey, ruleInfos } from '../review/check-case.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

/** The automatic 评查 checks and the working-day calendar: a thin map onto src/review and src/calendar. */
export function reviewCheckHandlers(deps: HandlerDeps): HandlerMap<ReviewCheckOpName> {
  const { archive } = deps;
  const resourcesDir = deps.dossier.resourcesDir ?? defaultResourcesDir();
  return {
    'review.check': async (i) => checkCaseByKey(archive, i, { resourcesDir, now: archive.clock.now() }),
    'review.rules': async () => ruleInfos(),
    'calendar.get': async () => calendarGet(archive, resourcesDir),
    'calendar.update': async (i, ctx) => calendarUpdate(archive, userOf(ctx), i, resourcesDir),
  };
}
