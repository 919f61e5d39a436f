/** One JSON log line as a service wrote it. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

/**
 * A pino destination that keeps every line a service writes, for tests that read what an operator would see:
 * `startTestService({ ..., logDestination: capture })`.
 */
export class LogCapture {
  private readonly written: string[] = [];

  write(chunk: string): boolean {
    this.written.push(...chunk.split('\n').filter((line) => line.length > 0));
    return true;
  }

  /** Every line so far, exactly as written. */
  text(): string {
    return this.written.join('\n');
  }

  /** Every line so far, parsed. */
  lines(): LogLine[] {
    return this.written.map((line) => JSON.parse(line) as LogLine);
  }

  /** The lines that have all of `fields`. */
  matching(fields: Record<string, unknown>): LogLine[] {
    return this.lines().filter((line) => Object.entries(fields).every(([key, value]) => line[key] === value));
  }
}
