/**
 * A failure the user must read (a refused file, a failed save), with what to do. The IPC wrapper
 * passes its message to the renderer; any other error is logged and reported generically.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}
