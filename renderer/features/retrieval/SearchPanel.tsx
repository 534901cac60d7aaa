import { Alert, Empty, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OpInput } from '../../../src/api/contract';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { SearchFilters, type SearchFilterValues } from './SearchFilters';
import { SearchGroupTable, type SearchOpeners } from './SearchGroupTable';
import './search-panel.css';

const DEBOUNCE_MS = 300;
const FIRST_PAGE = 20;

/** Waits until `value` has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * 调阅 · 检索: one search box over the whole archive (cases, officers, cameras, footage, documents)
 * with the filters beside it; results grouped by kind, each row saying what matched, with
 * thumbnails for footage. Opening a result is the host page's business (RetrievalPage).
 */
export function SearchPanel(props: SearchOpeners) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<SearchFilterValues>({});
  const typed = useDebounced(text, DEBOUNCE_MS);
  const input: OpInput<'search.query'> = { text: typed, ...filters, limit: FIRST_PAGE };
  const asked = typed.trim() !== '' || Object.keys(filters).length > 0;
  const result = useQuery('search.query', input, { skip: !asked });
  const queryKey = JSON.stringify(input);
  const groups = (result.data?.groups ?? []).filter((g) => g.total > 0);

  return (
    <div className="search-panel">
      <Input.Search
        size="large"
        allowClear
        autoFocus
        value={text}
        maxLength={200}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setText(v)}
        loading={result.loading && asked}
      />
      <SearchFilters onChange={setFilters} />
      <ErrorAlert error={result.error} />
      {!asked ? (
        <Alert type="info" showIcon message={t('search.hint')} />
      ) : result.loading && !result.data ? (
        <Spin tip={t('search.searching')}>
          <div style={{ height: 80 }} />
        </Spin>
      ) : result.data && groups.length === 0 ? (
        <Empty description={t('search.nothing')} />
      ) : (
        <div className="search-results" aria-busy={result.loading}>
          {groups.map((g) => (
            <SearchGroupTable key={`${queryKey}|${g.kind}`} group={g} query={{ ...input, limit: FIRST_PAGE }} open={props} />
          ))}
          {result.data ? (
            <Typography.Text type="secondary" className="search-mode" data-mode={result.data.mode}>
              {result.data.text}
            </Typography.Text>
          ) : null}
        </div>
      )}
    </div>
  );
}
