import type { Migration } from '../migration.js';
import { m0001Initial } from './0001-initial.js';
import { m0002Footage } from './0002-footage.js';
import { m0003Dossier } from './0003-dossier.js';
import { m0004SealedClipLinks } from './0004-sealed-clip-links.js';
import { m0005Search } from './0005-search.js';
import { m0006Retrieval } from './0006-retrieval.js';
import { m0007OfficerCerts } from './0007-officer-certs.js';
import { m0008Review } from './0008-review.js';
import { m0009RetrievalLookups } from './0009-retrieval-lookups.js';
import { m0010LoginGuard } from './0010-login-guard.js';
import { m0011Ocr } from './0011-ocr.js';
import { m0012PasswordChange } from './0012-password-change.js';

/** Every migration, in version order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  m0001Initial,
  m0002Footage,
  m0003Dossier,
  m0004SealedClipLinks,
  m0005Search,
  m0006Retrieval,
  m0007OfficerCerts,
  m0008Review,
  m0009RetrievalLookups,
  m0010LoginGuard,
  m0011Ocr,
  m0012PasswordChange,
];
