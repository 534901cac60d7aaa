import type { AppCore } from '../../src/app-core.js';

type CoreModule = typeof import('../../src/app-core.js');

/**
 * Opens the core. Types come from src/ (a project reference, so `tsc -b electron` checks this
 * call against the real signature); at run time the compiled core is loaded from dist/src/, which
 * sits at the same relative place from dist-electron/main/ as src/ does from electron/main/ — in
 * the project folder and inside app.asar alike.
 */
export async function loadCore(opts: Parameters<CoreModule['openCore']>[0]): Promise<AppCore> {
  const url = new URL('../../dist/src/app-core.js', import.meta.url);
  const core = (await import(url.href)) as CoreModule;
  return core.openCore(opts);
}

/** Loads another compiled core module (pure Node helpers the shell shares with the HTTP bridge). */
export async function loadCoreModule<T>(relFromSrc: string): Promise<T> {
  const url = new URL(`../../dist/src/${relFromSrc}`, import.meta.url);
  return (await import(url.href)) as T;
}
