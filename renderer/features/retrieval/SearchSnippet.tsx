import type { SearchMatch } from '../../../src/api/types-search';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh-CN';

/** The dictionary key of each field the core reports (keys are camelCase, the core's names snake_case). */
const FIELD_KEY: Record<SearchMatch['field'], MessageKey> = {
  case_no: 'search.field.caseNo',
  cause: 'search.field.cause',
  title: 'search.field.title',
  parties: 'search.field.parties',
  address: 'search.field.address',
  name: 'search.field.name',
  cert_no: 'search.field.certNo',
  serial: 'search.field.serial',
  model: 'search.field.model',
  note: 'search.field.note',
  file_name: 'search.field.fileName',
  activity: 'search.field.activity',
  doc_no: 'search.field.docNo',
  scan_text: 'search.field.scanText',
};

/** One matched field: its label, then the snippet with the matched stretches marked. */
export function SearchSnippet({ match }: { match: SearchMatch }) {
  const { t } = useI18n();
  const parts: React.ReactNode[] = [];
  let at = 0;
  match.marks.forEach(([s, e], i) => {
    if (s > at) parts.push(match.snippet.slice(at, s));
    parts.push(<mark key={i}>{match.snippet.slice(s, e)}</mark>);
    at = e;
  });
  if (at < match.snippet.length) parts.push(match.snippet.slice(at));
  return (
    <div className="search-snippet" data-field={match.field}>
      <span className="search-snippet-field">{t(FIELD_KEY[match.field])}：</span>
      {parts}
    </div>
  );
}
