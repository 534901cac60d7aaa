import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { documentMetaSchema } from '../api/contract.js';
import { parseOrThrow } from '../api/validate.js';
import { caseInputSchema, type CaseInput } from '../domain/case.js';
import { fail } from './output.js';

/** The case JSON file of `case add --file` (docs/case-json.md): a CaseInput plus optional documents. */
const caseFileDocumentsSchema = z.object({
  documents: z
    .array(documentMetaSchema.extend({ files: z.array(z.string().min(1)).min(1, { message: 'need_file' }) }))
    .optional()
    .default([]),
});

export interface CaseFile {
  case: CaseInput;
  documents: (z.infer<typeof documentMetaSchema> & { files: string[] })[];
}

export function readCaseFile(file: string): CaseFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${file}: cannot read the case file as JSON (${(e as Error).message})`, `${file}：无法读取案件 JSON 文件（${(e as Error).message}）`);
  }
  const c = parseOrThrow(caseInputSchema, raw, file);
  const { documents } = parseOrThrow(caseFileDocumentsSchema, raw, file);
  const dir = path.dirname(path.resolve(file));
  return { case: c, documents: documents.map((d) => ({ ...d, files: d.files.map((f) => path.resolve(dir, f)) })) };
}
