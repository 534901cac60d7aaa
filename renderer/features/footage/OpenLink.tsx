import type { ReactNode } from 'react';

/** A file name that opens the clip's details: looks like a link, behaves as a button (keyboard too). */
export function OpenLink({ onOpen, children }: { onOpen: () => void; children: ReactNode }) {
  return (
    <a
      role="button"
      tabIndex={0}
      className="mono clip-open"
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
    >
      {children}
    </a>
  );
}
