import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OpInput, OpName, OpOutput } from '../api/contract.js';
import type { CaseDetail } from '../api/types.js';
import type { SampleCase } from './sample-cases.js';

/** The demo's typed caller (an archivist's session through invoke). */
export type DemoOpCall = <N extends OpName>(name: N, input: OpInput<N>) => Promise<OpOutput<N>>;

/**
 * Enters one sample case as an archivist would: 登记 the case, then each document with generated scan
 * pages that show its own text (staged from `scratch`, then added). Returns the case as stored.
 */
export async function enterSampleCase(o: { call: DemoOpCall; sample: SampleCase; scratch: string; kindName: (code: string) => string }): Promise<CaseDetail> {
  // The scan renderer (sharp, fonts) is loaded only when a demo is built, not by every command.
  const { renderScanPages } = await import('./scan-page.js');
  const created = await o.call('case.create', o.sample.case);
  const folder = path.join(o.scratch, `case-${created.id}`);
  mkdirSync(folder, { recursive: true });
  for (const [i, d] of o.sample.documents.entries()) {
    const kindName = o.kindName(d.kind);
    const pages = await renderScanPages({
      kindName,
      title: d.title,
      docNo: d.docNo ?? null,
      responsible: d.responsible ?? null,
      date: d.date ?? null,
      body: d.body,
      pages: d.pages,
      caseNo: created.caseNo,
    });
    const files = [];
    for (const [p, jpeg] of pages.entries()) {
      const name = `${String(i + 1).padStart(2, '0')}-${kindName.replace(/[()（）/]/g, '')}-p${p + 1}.jpg`;
      const file = path.join(folder, name);
      writeFileSync(file, jpeg);
      files.push({ stagedId: (await o.call('upload.stagePath', { path: file })).stagedId });
    }
    await o.call('document.add', {
      caseId: created.id,
      kind: d.kind,
      title: d.title,
      docNo: d.docNo ?? null,
      responsible: d.responsible ?? null,
      date: d.date ?? null,
      files,
    });
  }
  return o.call('case.get', { id: created.id });
}
