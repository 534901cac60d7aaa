import type { Migration } from '../migration.js';
import { m0001Initial } from './0001-initial.js';

/** Every migration, in version order. Append only. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial];
