import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, for testing the shell's wiring where no Electron
 * binary can be installed: it records what the shell asks of Electron (window options,
 * handlers, protocol, permissions, IPC) so a test can drive them like Electron would.
 * It checks the wiring, not a running window.
 */
export function electronStandIn(options: { singleInstance?: boolean; userData: string }) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    quitCalls: 0,
    requestSingleInstanceLock: () => options.singleInstance ?? true,
    getPath: (_name: string) => options.userData,
    setPath: (_name: string, _value: string) => undefined,
    getAppPath: () => process.cwd(),
    whenReady: () => ready,
    quit() {
      this.quitCalls++;
    },
    exit: (_code: number) => undefined,
    relaunch: () => undefined,
  });
  let becomeReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    becomeReady = resolve;
  });
  const windows: StandInWindow[] = [];
  class StandInWindow extends EventEmitter {
    static getAllWindows = () => windows;
    readonly options: Record<string, unknown>;
    loaded: string[] = [];
    readonly webContents = { send: (..._args: unknown[]) => undefined };
    constructor(windowOptions: Record<string, unknown>) {
      super();
      this.options = windowOptions;
      windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    focusCalls = 0;
    show() {}
    isMinimized = () => false;
    restore() {}
    focus() {
      this.focusCalls++;
    }
  }
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const opened: string[] = [];
  const webRequest: {
    beforeSendHeaders?: (
      details: { requestHeaders: Record<string, string> },
      callback: (response: { requestHeaders: Record<string, string> }) => void,
    ) => void;
    headersReceived?: (
      details: { responseHeaders: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
  } = {};
  /** What the dialogs answer: the file picked to open, the button pressed. */
  const dialogAnswers = { openFile: null as string | null, messageBoxResponse: 1, errors: [] as string[] };
  let menu: { label?: string; submenu?: { label?: string; click?: () => void }[] }[] = [];
  const permissions: { request?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void; check?: () => boolean } =
    {};
  const module = {
    app,
    BrowserWindow: StandInWindow,
    dialog: {
      showErrorBox: (title: string, content: string) => dialogAnswers.errors.push(`${title}: ${content}`),
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () =>
        dialogAnswers.openFile ? { canceled: false, filePaths: [dialogAnswers.openFile] } : { canceled: true, filePaths: [] },
      showMessageBox: async () => ({ response: dialogAnswers.messageBoxResponse }),
    },
    ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => ipcHandlers.set(channel, handler) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof permissions.request) => {
          permissions.request = handler;
        },
        setPermissionCheckHandler: (handler: typeof permissions.check) => {
          permissions.check = handler;
        },
        webRequest: {
          onBeforeSendHeaders: (_filter: unknown, listener: typeof webRequest.beforeSendHeaders) => {
            webRequest.beforeSendHeaders = listener;
          },
          onHeadersReceived: (_filter: unknown, listener: typeof webRequest.headersReceived) => {
            webRequest.headersReceived = listener;
          },
        },
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
    },
    shell: {
      openExternal: async (url: string) => {
        opened.push(url);
      },
    },
    Menu: {
      buildFromTemplate: (template: typeof menu) => template,
      setApplicationMenu: (built: typeof menu) => {
        menu = built;
      },
    },
  };
  /** Clicks a menu item by its label, as the person would. */
  const clickMenu = (label: string) => {
    for (const top of menu) for (const item of top.submenu ?? []) if (item.label === label) return item.click?.();
    throw new Error(`no menu item ${label}`);
  };
  return {
    module,
    becomeReady,
    windows,
    ipcHandlers,
    protocolHandlers,
    privileged,
    opened,
    permissions,
    webRequest,
    dialogAnswers,
    clickMenu,
    app,
  };
}

/** A web contents as the shell sees one: its events and window-open handler, drivable by a test. */
export function standInWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  });
  /** Fires an event as Electron would; says whether the shell prevented it. */
  const fire = (name: string, ...args: unknown[]) => {
    let prevented = false;
    emitter.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}
