/**
 * Paths the user picked in the system chooser during this run of the app (a camera or disc folder
 * to read, an export folder to write into). The core accepts a local path over IPC only when it is
 * one of these or lies inside one (src/auth/picked-paths.ts); forgotten on sign-out and when the
 * window closes. Pure, so it can be reasoned about without Electron.
 */
export class PickedStore {
  readonly #read = new Set<string>();
  readonly #write = new Set<string>();

  add(purpose: 'ingest' | 'export', chosen: string): void {
    (purpose === 'export' ? this.#write : this.#read).add(chosen);
  }

  snapshot(): { read: readonly string[]; write: readonly string[] } {
    return { read: [...this.#read], write: [...this.#write] };
  }

  clear(): void {
    this.#read.clear();
    this.#write.clear();
  }
}
