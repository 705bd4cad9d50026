/**
 * The bridge: exposes exactly the NewsApi contract (plus event subscription) as
 * `window.news`. The renderer never sees ipcRenderer, Node, or Electron.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { type CallResult, type NewsEventName, type NewsEvents, unwrapResult } from '../shared/api.ts';
import { makeBridge } from '../shared/bridge.ts';
import { IPC_CALL, IPC_EVENT } from '../shared/ipc-channels.ts';

const bridge = makeBridge(
  async (method, args) => unwrapResult((await ipcRenderer.invoke(IPC_CALL, method, args)) as CallResult),
  <E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as NewsEvents[E]);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.off(IPC_EVENT, handler);
    };
  },
);

contextBridge.exposeInMainWorld('news', bridge);
