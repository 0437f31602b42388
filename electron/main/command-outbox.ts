import { hostCommandSchema, type HostCommandPayload } from '../shared/schemas';

/**
 * Commands for the page (menu items, documents opened from the OS), held until the page says it
 * listens — a file double-clicked to start the app arrives long before React has mounted — and
 * checked against the contract before they are sent.
 */
export class CommandOutbox {
  private listening = false;
  private readonly queue: HostCommandPayload[] = [];

  constructor(
    private readonly send: (command: HostCommandPayload) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Sends a command now, or when the page starts listening. */
  push(command: HostCommandPayload): void {
    const checked = hostCommandSchema.safeParse(command);
    if (!checked.success) {
      this.log(`commands: not sending a command outside the contract (${command.type})`);
      return;
    }
    if (this.listening) this.send(checked.data);
    else this.queue.push(checked.data);
  }

  /** The page subscribed: everything held is sent, in order. */
  listen(): void {
    this.listening = true;
    for (const command of this.queue.splice(0)) this.send(command);
  }

  /** The page is (re)loading: hold commands until it subscribes again. */
  reset(): void {
    this.listening = false;
  }
}
