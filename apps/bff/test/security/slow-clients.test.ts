import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/test-stack.js';

/** Opens a raw connection, sends `head`, then one byte of body every `intervalMs`; resolves when the server closes it. */
function trickle(baseUrl: string, head: string, intervalMs: number) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<{ answer: string; heldMs: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => socket.write('x'), intervalMs);
    });
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, heldMs: Date.now() - started });
    });
  });
}

describe('slow clients cannot hold connections open', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ env: { REQUEST_TIMEOUT_SECONDS: '2' } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('cuts off a body trickled a byte at a time once REQUEST_TIMEOUT_SECONDS are over, with 408', async () => {
    const { host } = new URL(stack.baseUrl);
    const head = `POST /api/v1/session HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`;
    const { answer, heldMs } = await trickle(stack.baseUrl, head, 200);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(heldMs).toBeGreaterThanOrEqual(1900);
    expect(heldMs).toBeLessThan(5000);
  }, 15_000);

  it('cuts off headers that never end', async () => {
    const { host } = new URL(stack.baseUrl);
    const { answer, heldMs } = await trickle(stack.baseUrl, `GET /api/v1/config HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `, 200);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(heldMs).toBeLessThan(5000);
  }, 15_000);
});
