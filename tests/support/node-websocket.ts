import WebSocket from 'ws';

/**
 * `ws` for the collaboration client under Node (tests, benches). The heartbeat drops a connection
 * attempt that hangs; the provider then closes a socket that is still connecting, and `ws` reports
 * that as an 'error' event after the provider has taken its own handler off: an uncaught error that
 * ends the process. A browser's WebSocket only fires an event there; this gives `ws` the same manners.
 */
export class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}
