import { z } from 'zod';
import { ANY_ROLE } from '../domain/roles.js';
import { op } from './op.js';
import { SEARCH_KINDS, type SearchResult } from './types-search.js';

/** `YYYY-MM-DD`, or a date-time with or without offset (without: the archive's time zone). */
const dateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/, { message: 'bad_date' });

export const searchQuerySchema = z
  .object({
    /**
     * What the user typed. Length is checked by the search itself (after control characters are
     * removed), so an over-long paste gets an error naming its length; the bound here only keeps a
     * request from carrying more than a few megabytes.
     */
    text: z.string().max(4_000_000).default(''),
    from: dateTime.optional(),
    to: dateTime.optional(),
    /** 执法证号 of the officer. */
    certNo: z.string().trim().min(2).max(40).optional(),
    deviceSerial: z.string().trim().min(1).max(40).optional(),
    /** An activity by checklist code or name (e.g. CFKY or 查封扣押). */
    activity: z.string().trim().min(1).max(50).optional(),
    status: z.enum(['open', 'sealed']).optional(),
    /** true: clips linked to a case; false: clips linked to none. */
    linked: z.boolean().optional(),
    /** Only these kinds (e.g. to page one group); all by default. */
    kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
    limit: z.number().int().min(1).max(200).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/**
 * The search slice of the contract, spread into `contract` (contract.ts). Every role may search: the
 * results are catalogue facts (numbers, names, file names, thumbnails), not footage; watching a clip
 * is checked separately.
 */
export const searchOps = {
  'search.query': op<SearchResult>()(searchQuerySchema, ANY_ROLE),
} as const;

export type SearchOpName = keyof typeof searchOps;
export type SearchQueryInput = z.output<typeof searchQuerySchema>;
