import { Button, Empty, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';

/** The row above a list: title, filters and count on the left, actions on the right. */
export function ListToolbar({ title, filters, count, actions }: { title: ReactNode; filters?: ReactNode; count?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-toolbar">
      <div className="toolbar-left">
        <h2 className="page-title">{title}</h2>
        {filters}
        {count !== undefined && <Typography.Text type="secondary">{count}</Typography.Text>}
      </div>
      {actions}
    </div>
  );
}

export interface ListTableProps<T> {
  rows: readonly T[];
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  loading: boolean;
  error?: unknown;
  /** Shown when there are no rows: a sentence, or a node such as antd's <Empty> (default: a plain <Empty>). */
  empty?: ReactNode;
  /**
   * A virtual table (rows drawn as they scroll into view) of this height; `scrollX` is its width.
   * Without it the table pages on the client (50/100/200 a page).
   */
  virtual?: { height: number; scrollX?: number };
  /** Server paging: a "load more" button while `hasMore`. */
  hasMore?: boolean;
  /** A virtual table also loads more by itself when scrolled near its end. */
  loadOnScroll?: boolean;
  onLoadMore?: () => void;
  loadMoreLabel?: ReactNode;
  rowSelection?: TableProps<T>['rowSelection'];
  onOpen?: (row: T) => void;
  className?: string;
  /** Anything else antd's Table takes (kept for the odd page that needs it). */
  table?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'rowKey' | 'loading'>;
}

const NEAR_END_PX = 300;

/** A list's table with its error, empty state and paging (client pages, or server "load more"). */
export function ListTable<T extends object>(p: ListTableProps<T>) {
  const { t } = useI18n();
  const emptyText = p.empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const more = p.hasMore === true && p.onLoadMore !== undefined;
  return (
    <>
      <ErrorAlert error={p.error} style={{ marginBottom: 10 }} />
      <Table<T>
        className={p.className}
        rowKey={p.rowKey}
        size="small"
        bordered
        loading={p.loading}
        columns={p.columns}
        dataSource={p.rows as T[]}
        locale={{ emptyText }}
        rowSelection={p.rowSelection}
        onRow={p.onOpen ? (r) => ({ onDoubleClick: () => p.onOpen?.(r) }) : undefined}
        {...(p.virtual
          ? {
              virtual: true,
              scroll: { x: p.virtual.scrollX, y: p.virtual.height },
              pagination: false as const,
              onScroll: (e: React.UIEvent<HTMLDivElement>) => {
                const el = e.currentTarget;
                if (more && p.loadOnScroll && !p.loading && el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX) p.onLoadMore?.();
              },
            }
          : {
              sticky: true,
              pagination: more
                ? (false as const)
                : {
                    defaultPageSize: 50,
                    showSizeChanger: true,
                    pageSizeOptions: [50, 100, 200],
                    size: 'small' as const,
                    showTotal: (n: number) => t('common.total', { count: n }),
                  },
            })}
        {...p.table}
      />
      {more && (
        <div style={{ textAlign: 'center', marginTop: 8 }}>
          <Button size="small" loading={p.loading} onClick={() => p.onLoadMore?.()}>
            {p.loadMoreLabel ?? t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

/** One list page: toolbar (title, filters, count, actions), an optional filter bar and notice, and the table. */
export function ListPage<T extends object>({
  title,
  filters,
  count,
  actions,
  filterBar,
  notice,
  ...table
}: ListTableProps<T> & { title: ReactNode; filters?: ReactNode; count?: ReactNode; actions?: ReactNode; filterBar?: ReactNode; notice?: ReactNode }) {
  return (
    <div>
      <ListToolbar title={title} filters={filters} count={count} actions={actions} />
      {filterBar}
      {notice}
      <ListTable<T> {...table} />
    </div>
  );
}

export type RowKeys = Key[];
