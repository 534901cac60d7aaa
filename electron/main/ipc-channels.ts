/**
 * The IPC channel names, defined once for the main process. The sandboxed preload
 * (electron/preload/preload.cts) can require only 'electron', so it repeats them;
 * tests/unit/shell-shared-facts.test.ts fails when its copy differs from these.
 */
export const INVOKE_CHANNEL = 'juanzong:invoke';
export const EVENT_CHANNEL = 'juanzong:event';
export const PICK_FOLDER_CHANNEL = 'juanzong:pick-folder';

export const IPC_CHANNELS = { INVOKE_CHANNEL, EVENT_CHANNEL, PICK_FOLDER_CHANNEL } as const;
