import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Noto Sans SC (OFL), every weight in one variable font, split by unicode-range: the bundle carries the
// woff2 slices and the browser loads only those a page draws, so CJK labels never need a system font.
import '@fontsource-variable/noto-sans-sc';
import './app.css';

// The bridge's launch link carries a one-time token; once the page has its cookie, drop it from the
// address bar so it is not bookmarked or shared.
if (location.search.includes('launch=')) {
  const url = new URL(location.href);
  url.searchParams.delete('launch');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
