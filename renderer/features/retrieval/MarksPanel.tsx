import { App, Button, Empty, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ClipMarkInfo } from '../../../src/api/types-retrieval';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { timecode } from './timecode';

/** Marks on the clip (a second and a note), clickable to seek; 领导/评查员 add one at the current second. */
export function MarksPanel(props: {
  clipId: number;
  marks: ClipMarkInfo[];
  canMark: boolean;
  currentTime: () => number;
  onSeek: (sec: number) => void;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  const add = () =>
    run(async () => {
      const second = Math.floor(props.currentTime() * 100) / 100;
      await invoke('retrieval.mark', { clipId: props.clipId, second, note: note.trim() });
      setNote('');
      void message.success(t('retrieval.marks.added', { time: timecode(second) }));
      props.onAdded();
    });
  return (
    <div className="retrieval-marks">
      <Typography.Title level={5}>{t('retrieval.marks.title')}</Typography.Title>
      {props.canMark && (
        <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
          <Input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('retrieval.marks.notePlaceholder')}
            maxLength={200}
            aria-label={t('retrieval.marks.notePlaceholder')}
          />
          <Button type="primary" disabled={note.trim() === ''} loading={busy !== null} onClick={() => void add()}>
            {t('retrieval.marks.add')}
          </Button>
        </Space.Compact>
      )}
      <ErrorAlert error={error} />
      {props.marks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('retrieval.marks.empty')} />
      ) : (
        <List
          size="small"
          dataSource={props.marks}
          renderItem={(m) => (
            <List.Item className="retrieval-mark" onClick={() => props.onSeek(m.second)} style={{ cursor: 'pointer' }}>
              <Typography.Link>{timecode(m.second)}</Typography.Link> {m.note} <Typography.Text type="secondary">— {m.by}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
