import type { NewsBridge } from '../../../shared/api.ts';
import { createWebClient } from './web-client.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    news?: NewsBridge;
  }
}

/** The one API object the renderer uses: Electron's bridge, or the browser-mode client. */
export const news: NewsBridge = window.news ?? createWebClient();
