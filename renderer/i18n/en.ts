import { casesEn } from './cases.en.js';
import { dossierEn } from './dossier.en.js';
import { auditEn } from './audit.en.js';
import { authEn } from './auth.en.js';
import { settingsEn } from './settings.en.js';
import { exportEn } from './export.en.js';
import { footageEn } from './footage.en.js';
import { searchEn } from './search.en.js';
import { reviewEn } from './review.en.js';
import { clipEn } from './clip.en.js';
import { retrievalEn } from './retrieval.en.js';
import { officerEn } from './officer.en.js';
import { fournessEn } from './fourness.en.js';
import { ocrEn } from './ocr.en.js';
import type { MessageKey } from './zh-CN.js';

/** English. Same keys as zh-CN.ts (the type and a test both check it). */
export const en: Record<MessageKey, string> = {
  ...casesEn,
  ...dossierEn,
  ...auditEn,
  ...authEn,
  ...settingsEn,
  ...footageEn,
  ...exportEn,
  ...searchEn,
  ...reviewEn,
  ...clipEn,
  ...retrievalEn,
  ...officerEn,
  ...fournessEn,
  ...ocrEn,
  'app.name': 'Juanzong',
  'app.subtitle': 'Enforcement case-file archive',
  'app.loading': 'Loading…',
  'app.connecting': 'Connecting to the Juanzong service…',
  'app.connectFailed': 'Cannot reach the Juanzong service',
  'app.retry': 'Retry',

  'lang.zh': '中文',
  'lang.en': 'English',

  'nav.cases': 'Cases',
  'nav.dossier': 'Dossiers',
  'nav.footage': 'Footage',
  'nav.retrieval': 'Retrieval',
  'nav.review': 'Review',
  'nav.audit': 'Audit',
  'nav.settings': 'Settings',

  'common.ok': 'OK',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.close': 'Close',
  'common.back': 'Back',
  'common.edit': 'Edit',
  'common.add': 'Add',
  'common.remove': 'Remove',
  'common.search': 'Search',
  'common.all': 'All',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.none': '—',
  'common.required': 'Enter {field}',
  'common.requiredSelect': 'Select {field}',
  'common.total': '{count} in total',
  'common.loadMore': 'Load more',
  'common.saved': 'Saved',
  'common.notFound': 'Not found',
  'common.browseFolder': 'Choose folder…',

  'notyet.title': 'Not yet available',
  'notyet.subtitle': '“{feature}” is being built and is not available yet.',
};
