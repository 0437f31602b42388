import type { HostCommandPayload, IpcResult, RequestOf, ResponseOf } from './schemas';
import type { INVOKE_CHANNELS } from './channels';

type C = typeof INVOKE_CHANNELS;
type Call<K extends keyof C> = Promise<IpcResult<ResponseOf<C[K]>>>;

/**
 * What the preload exposes as `window.lyncRunbook`: one function per contract channel and nothing
 * else. Every answer is an `IpcResult`; renderer/host/electron-host.ts turns it into the Host API.
 */
export interface LyncRunbookBridge {
  /** Native open dialog; null when cancelled. */
  openDocument(): Call<'openDocument'>;
  openRecent(handle: string): Call<'openRecent'>;
  /**
   * Opens a file dropped on the window. Main reads and checks it and, when it is a deployment,
   * pushes it back as an `opened` command (as for files opened from the OS); a refusal is shown
   * by main in a native message box, since the page never sees the path.
   */
  openDroppedFile(file: File): Call<'openDropped'>;
  saveDocument(request: RequestOf<C['saveDocument']>): Call<'saveDocument'>;
  listRecent(): Call<'listRecent'>;
  forgetRecent(handle: string): Call<'forgetRecent'>;
  writeRecovery(request: RequestOf<C['writeRecovery']>): Call<'writeRecovery'>;
  clearRecovery(): Call<'clearRecovery'>;
  findRecovery(): Call<'findRecovery'>;
  exportRunbook(request: RequestOf<C['exportRunbook']>): Call<'exportRunbook'>;
  writeClipboard(text: string): Call<'writeClipboard'>;
  appInfo(): Call<'appInfo'>;
  setDirty(dirty: boolean, title: string): Call<'setDirty'>;
  /** Subscribes to pushed commands; the first subscription tells main the page is ready for them. */
  onCommand(listener: (command: HostCommandPayload) => void): () => void;
}
