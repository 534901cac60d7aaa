import type { SearchField, SearchHit, SearchKind, SearchMatch } from '../api/types-search.js';
import type { SearchRepo } from '../storage/repos/search-repo.js';
import { matchField } from './snippet.js';

type Fields = [SearchField, string | null][];

function matches(fields: Fields, words: readonly string[]): SearchMatch[] {
  if (words.length === 0) return [];
  return fields.map(([f, v]) => matchField(f, v, words)).filter((m): m is SearchMatch => m !== null);
}

function inOrder<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** The page's hits of one kind, in page order, each with the fields the words were found in. */
export function hitsOf(kind: SearchKind, ids: readonly number[], repo: SearchRepo, words: readonly string[]): SearchHit[] {
  switch (kind) {
    case 'case': {
      const parties = groupBy(repo.parties(ids), (p) => p.caseId);
      return inOrder(ids, repo.cases(ids)).map((c) => {
        const ps = parties.get(c.id) ?? [];
        const addresses = ps.map((p) => p.address).filter((a): a is string => a !== null && a !== '');
        return {
          kind: 'case',
          id: c.id,
          caseNo: c.caseNo,
          title: c.title,
          cause: c.cause,
          closedOn: c.closedOn,
          sealed: c.sealed === 1,
          hasDossier: c.hasDossier === 1,
          matches: matches(
            [
              ['case_no', c.caseNo],
              ['cause', c.cause],
              ['title', c.title],
              ['parties', ps.map((p) => p.name).join('、')],
              ['address', addresses.join('；')],
            ],
            words,
          ),
        };
      });
    }
    case 'officer':
      return inOrder(ids, repo.officers(ids)).map((o) => ({
        kind: 'officer',
        id: o.id,
        name: o.name,
        certNo: o.certNo,
        post: o.post,
        matches: matches(
          [
            ['name', o.name],
            ['cert_no', o.certNo],
          ],
          words,
        ),
      }));
    case 'device':
      return inOrder(ids, repo.devices(ids)).map((d) => ({
        kind: 'device',
        id: d.id,
        serial: d.serial,
        model: d.model,
        matches: matches(
          [
            ['serial', d.serial],
            ['model', d.model],
            ['note', d.note],
          ],
          words,
        ),
      }));
    case 'clip': {
      const links = groupBy(repo.clipLinks(ids), (l) => l.clipId);
      return inOrder(ids, repo.clips(ids)).map((c) => {
        const ls = links.get(c.id) ?? [];
        const activities = [...new Set(ls.map((l) => l.activity).filter((a): a is string => a !== null))];
        const cases = [...new Map(ls.filter((l) => l.caseId !== null).map((l) => [l.caseId!, { caseId: l.caseId!, caseNo: l.caseNo ?? '' }])).values()];
        return {
          kind: 'clip',
          id: c.id,
          originalName: c.originalName,
          clipKind: c.kind,
          startLocal: c.startLocal,
          durationSec: c.durationSec,
          deviceSerial: c.deviceSerial,
          hasThumb: c.hasThumb === 1,
          derivedState: c.derivedState,
          activities,
          cases,
          matches: matches(
            [
              ['file_name', c.originalName],
              ['activity', activities.join('、')],
            ],
            words,
          ),
        };
      });
    }
    case 'scan':
      return inOrder(ids, repo.scans(ids)).map((s) => ({
        kind: 'scan',
        id: s.id,
        documentId: s.documentId,
        caseId: s.caseId,
        caseNo: s.caseNo,
        title: s.title,
        pageId: s.pageId,
        page: s.page,
        matches: matches([['scan_text', s.text.replace(/\s+/g, ' ')]], words),
      }));
    case 'document':
      return inOrder(ids, repo.documents(ids)).map((d) => ({
        kind: 'document',
        id: d.id,
        caseId: d.caseId,
        caseNo: d.caseNo,
        title: d.title,
        docNo: d.docNo,
        date: d.date,
        matches: matches(
          [
            ['title', d.title],
            ['doc_no', d.docNo],
          ],
          words,
        ),
      }));
  }
}
