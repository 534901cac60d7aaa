import { Tooltip, Typography } from 'antd';
import { shortDigest } from './footage-format';

/** A digest shortened in lists; the full value on hover and on copy. */
export function DigestText({ label, hex, full = false }: { label: string; hex: string; full?: boolean }) {
  return (
    <div className="footage-digest">
      <span className="footage-digest-label">{label}</span>
      <Tooltip title={<span className="hash">{hex}</span>} placement="topLeft">
        <Typography.Text className="hash" copyable={{ text: hex }}>
          {full ? hex : shortDigest(hex)}
        </Typography.Text>
      </Tooltip>
    </div>
  );
}
