import { INVOKE_CHANNELS, type InvokeChannel } from '../shared/channels';
import { CONTRACT, type IpcResult, type RequestOf, type ResponseOf } from '../shared/schemas';
import { describeError } from '../node/file-system';
import { UserError } from './user-error';

/** The fields of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: unknown;
}

/** The fields of Electron's IpcMainInvokeEvent the wrapper reads. */
export interface IpcEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly id: number };
}

/** The fields of our BrowserWindow the sender check reads. */
export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly id: number; readonly mainFrame: FrameLike };
}

/** The one method of ipcMain the wrapper uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** One handler per contract channel, given the checked request. */
export type IpcHandlers = {
  [C in InvokeChannel]: (request: RequestOf<C>, event: IpcEventLike) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/**
 * Whether a message comes from our window's main frame showing our own page: not from another
 * window, not from a subframe, not from a page it was navigated to (Electron security checklist:
 * validate the sender of all IPC messages).
 */
export function isTrustedSender(
  event: IpcEventLike,
  window: WindowLike | null,
  isAppUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (frame === null || window === null || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender.id !== contents.id) return false;
  const main = contents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

/** What the wrapper needs besides the handlers. */
export interface IpcGuardOptions {
  readonly isTrusted: (event: IpcEventLike) => boolean;
  readonly log: (message: string) => void;
}

/** The one wrapper every handler goes through: sender check, request check, answer check. */
export function guardHandler<C extends InvokeChannel>(
  channel: C,
  handler: IpcHandlers[C],
  options: IpcGuardOptions,
): (event: IpcEventLike, ...args: unknown[]) => Promise<IpcResult<ResponseOf<C>>> {
  const schemas = CONTRACT[channel];
  return async (event, ...args) => {
    if (!options.isTrusted(event)) {
      options.log(`ipc: dropped ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
      throw new Error('Refused.');
    }
    const request = schemas.request.safeParse(args.length === 1 ? args[0] : Symbol('wrong argument count'));
    if (!request.success) {
      options.log(
        `ipc: refused a malformed ${channel} request: ${request.error.issues.map((i) => `${i.path.join('.') || '(top)'} ${i.message}`).join('; ')}`,
      );
      return { ok: false, message: 'The desktop app refused a malformed request. Please report this as a bug.' };
    }
    let value: unknown;
    try {
      value = await (handler as (r: unknown, e: IpcEventLike) => unknown)(request.data, event);
    } catch (error) {
      if (error instanceof UserError) return { ok: false, message: error.message };
      options.log(`ipc: ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, message: `Something went wrong in the desktop app (${describeError(error)}).` };
    }
    const response = schemas.response.safeParse(value);
    if (!response.success) {
      options.log(
        `ipc: ${channel} produced an answer outside the contract: ${response.error.issues.map((i) => `${i.path.join('.') || '(top)'} ${i.message}`).join('; ')}`,
      );
      return { ok: false, message: 'Something went wrong in the desktop app (an answer outside the contract).' };
    }
    return { ok: true, value: response.data as ResponseOf<C> };
  };
}

/** Registers every contract channel, each through `guardHandler`. */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, options: IpcGuardOptions): void {
  for (const channel of Object.values(INVOKE_CHANNELS)) {
    ipcMain.handle(channel, guardHandler(channel, handlers[channel] as IpcHandlers[typeof channel], options));
  }
}
