/** The checkout's root folder. */
export const REPO: string;
/** The folder of cli.js, sync-worker.js and reader-worker.js bundled from this version of the sources. */
export function sourceBundle(): Promise<string>;
