// The preload: one function per contract channel, exposed through contextBridge, and nothing else
// (never ipcRenderer itself). It runs sandboxed, so the build bundles it into one CommonJS file.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { LyncRunbookBridge } from '../shared/bridge';
import { BRIDGE_NAME, COMMAND_CHANNEL, INVOKE_CHANNELS as C, type InvokeChannel } from '../shared/channels';
import type { HostCommandPayload, IpcResult } from '../shared/schemas';

// Every channel takes exactly one argument (null when there is nothing to send): main checks it.
const invoke = <T>(channel: InvokeChannel, payload: unknown = null): Promise<IpcResult<T>> =>
  ipcRenderer.invoke(channel, payload) as Promise<IpcResult<T>>;

let listening = false;

const bridge: LyncRunbookBridge = {
  openDocument: () => invoke(C.openDocument),
  openRecent: (handle) => invoke(C.openRecent, { handle }),
  // Only a File the user really dropped has a path; one made in script gives '' and main refuses it.
  openDroppedFile: (file) => invoke(C.openDropped, { path: webUtils.getPathForFile(file) }),
  saveDocument: (request) =>
    invoke(C.saveDocument, {
      handle: request.handle,
      suggestedName: request.suggestedName,
      text: request.text,
      saveAs: request.saveAs,
    }),
  listRecent: () => invoke(C.listRecent),
  forgetRecent: (handle) => invoke(C.forgetRecent, { handle }),
  writeRecovery: (request) =>
    invoke(C.writeRecovery, { handle: request.handle, name: request.name, text: request.text }),
  clearRecovery: () => invoke(C.clearRecovery),
  findRecovery: () => invoke(C.findRecovery),
  exportRunbook: (request) =>
    invoke(C.exportRunbook, { suggestedName: request.suggestedName, format: request.format, content: request.content }),
  writeClipboard: (text) => invoke(C.writeClipboard, { text }),
  appInfo: () => invoke(C.appInfo),
  setDirty: (dirty, title) => invoke(C.setDirty, { dirty, title }),
  onCommand: (listener) => {
    // The page's listener never sees the IPC event (it would carry `sender`, an ipcRenderer).
    const relay = (_event: IpcRendererEvent, command: HostCommandPayload) => listener(command);
    ipcRenderer.on(COMMAND_CHANNEL, relay);
    if (!listening) {
      listening = true;
      void invoke(C.listen);
    }
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
