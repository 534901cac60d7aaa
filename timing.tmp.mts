import { readFileSync } from 'node:fs';
import { renderScanPages } from './src/demo/scan-page.ts';
import { loadSampleCases } from './src/demo/sample-cases.ts';
import { findKind, profileSchema } from './src/domain/profile.ts';
const profile = profileSchema.parse(JSON.parse(readFileSync('resources/profiles/henan-township-2016.json','utf8')));
const samples = loadSampleCases('resources');
for (let run = 0; run < 2; run++) {
  const t0 = performance.now(); let pages = 0, bytes = 0;
  for (const s of samples) for (const d of s.documents) {
    const bufs = await renderScanPages({ kindName: findKind(profile, d.kind)!.name, title: d.title, docNo: d.docNo, responsible: d.responsible, date: d.date, body: d.body, pages: d.pages, caseNo: s.case.caseNo });
    pages += bufs.length; bytes += bufs.reduce((a, b) => a + b.length, 0);
  }
  const ms = performance.now() - t0;
  console.log(`run ${run}: ${pages} pages in ${(ms/1000).toFixed(1)} s = ${(ms/pages).toFixed(1)} ms/page, avg ${(bytes/pages/1024).toFixed(0)} KiB`);
}
