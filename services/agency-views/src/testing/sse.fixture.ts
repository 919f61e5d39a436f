/** One Server-Sent Event as a client reads it. */
export interface StreamedEvent {
  id?: string;
  event: string;
  data: unknown;
}

/** Reads a text/event-stream over real HTTP, collecting its events until closed. */
export class EventStreamReader {
  readonly events: StreamedEvent[] = [];
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];

  private constructor() {}

  /** Opens the stream; `lastEventId` is what a browser sends when it reconnects. */
  static async open(url: string, token: string, lastEventId?: string): Promise<EventStreamReader> {
    const reader = new EventStreamReader();
    const response = await fetch(url, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'text/event-stream',
        ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
      },
      signal: reader.controller.signal,
    });
    if (response.status !== 200 || response.body === null) throw new Error(`stream answered ${response.status}`);
    void reader.pump(response.body);
    return reader;
  }

  /** Resolves with the first event matching, waiting up to `timeoutMs`. */
  async waitFor(match: (e: StreamedEvent) => boolean, timeoutMs = 10_000): Promise<StreamedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event in ${timeoutMs} ms; saw ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    }
  }

  private parse(block: string): void {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const at = line.indexOf(': ');
      if (at > 0) fields.set(line.slice(0, at), line.slice(at + 2));
    }
    const event = fields.get('event');
    if (event === undefined) return;
    this.events.push({ id: fields.get('id'), event, data: JSON.parse(fields.get('data') ?? 'null') });
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
