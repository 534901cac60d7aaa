import { useCallback, useEffect, useState } from 'react';

/** How long printing waits for the sheets' images before it opens the dialog anyway. */
const IMAGE_WAIT_MS = 8000;

/**
 * Print: once `printing` is on (and the preview drawn), let the images under `selector` load, then
 * open the browser's print dialog and turn `printing` off again.
 */
export function usePrintWhenReady(selector: string): { printing: boolean; print: () => void } {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    let cancelled = false;
    const run = async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const imgs = [...document.querySelectorAll<HTMLImageElement>(selector)];
      imgs.forEach((i) => (i.loading = 'eager'));
      await Promise.race([
        Promise.all(imgs.map((i) => (i.complete ? null : new Promise((r) => ((i.onload = r), (i.onerror = r)))))),
        new Promise((r) => setTimeout(r, IMAGE_WAIT_MS)),
      ]);
      if (!cancelled) window.print();
      if (!cancelled) setPrinting(false);
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [printing, selector]);
  const print = useCallback(() => setPrinting(true), []);
  return { printing, print };
}
