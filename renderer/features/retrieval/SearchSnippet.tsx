import type { SearchMatch } from '../../../src/api/types-search';
import { useI18n } from '../../i18n/I18nProvider';

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
      <span className="search-snippet-field">{t(`search.field.${match.field}`)}：</span>
      {parts}
    </div>
  );
}
