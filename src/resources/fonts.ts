import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The bundled OFL fonts (Noto Sans SC / Noto Serif SC from @expo-google-fonts), resolved from node_modules
 * so rendering never depends on the fonts installed on the machine.
 */
const require = createRequire(import.meta.url);

function fontFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

const SANS = '@expo-google-fonts/noto-sans-sc';
const SERIF = '@expo-google-fonts/noto-serif-sc';

/** Noto Serif SC Regular (宋体-like body text). */
export const serifRegular = fontFile(SERIF, '400Regular/NotoSerifSC_400Regular.ttf');
/** Noto Serif SC Bold. */
export const serifBold = fontFile(SERIF, '700Bold/NotoSerifSC_700Bold.ttf');
/** Noto Sans SC Regular. */
export const sansRegular = fontFile(SANS, '400Regular/NotoSansSC_400Regular.ttf');
/** Noto Sans SC Bold (黑体-like headings). */
export const sansBold = fontFile(SANS, '700Bold/NotoSansSC_700Bold.ttf');

/** The family names inside those files (what Pango's font description must name). */
export const FONT_FAMILIES = { serif: 'Noto Serif SC', sans: 'Noto Sans SC' } as const;
