/** The only two IPC channels: calls (renderer → main, invoke) and events (main → renderer). */
export const IPC_CALL = 'broadsheet:call';
export const IPC_EVENT = 'broadsheet:event';
