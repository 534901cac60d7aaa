import { Button } from 'antd';
import type { ReactNode } from 'react';

export interface JobDialogFooterProps {
  /** Before the job (start / close), while it runs (cancel only), after it (close). */
  phase: 'ready' | 'running' | 'done';
  cancelling: boolean;
  onStart: () => void;
  onCancel: () => void;
  onClose: () => void;
  labels: { start: string; close: string; cancel: string; cancelling: string };
  startIcon?: ReactNode;
  /** The buttons get `<prefix>-start` and `<prefix>-cancel` classes (what the e2e tests click). */
  classPrefix: string;
}

/** The footer of a dialog that runs one job: 开始 and 关闭 before, 取消 while it runs, 关闭 after. */
export function JobDialogFooter({ phase, cancelling, onStart, onCancel, onClose, labels, startIcon, classPrefix }: JobDialogFooterProps) {
  if (phase === 'done') {
    return (
      <Button type="primary" onClick={onClose}>
        {labels.close}
      </Button>
    );
  }
  if (phase === 'running') {
    return (
      <Button className={`${classPrefix}-cancel`} danger disabled={cancelling} onClick={onCancel}>
        {cancelling ? labels.cancelling : labels.cancel}
      </Button>
    );
  }
  return (
    <>
      <Button onClick={onClose}>{labels.close}</Button>
      <Button className={`${classPrefix}-start`} type="primary" icon={startIcon} onClick={onStart}>
        {labels.start}
      </Button>
    </>
  );
}
