/** Polling helpers for start-up: wait for something to answer, or give up with a reason. */
import { connect } from 'node:net';

const POLL_MS = 250;

/**
 * Polls check() until it returns true. Throws the message failure() builds when timeoutMs passes
 * or abandonIf() turns true (the process being waited for has died).
 */
export async function waitUntil(check, { timeoutMs, abandonIf = () => false, failure }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (abandonIf() || Date.now() > deadline) throw new Error(await failure());
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** True when something accepts TCP connections on host:port. */
export function portAnswers(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = connect({ port, host, timeout: 1_000 });
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}
