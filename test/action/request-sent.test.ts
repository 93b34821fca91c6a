import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSent } from '../../action/src/request-sent';

// A server that holds every answer until the test lets it go: what the action does between
// sending its first request and reading the answer happens while GitHub would be answering.
const held: ServerResponse[] = [];
const server = createServer((_request, response) => {
  held.push(response);
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const release = () => {
  for (const response of held.splice(0)) response.end('{}');
};

describe('requestSent', () => {
  it('resolves once the request is written, before its answer arrives', async () => {
    let answered = false;
    const pending = fetch(url).then(async (response) => {
      answered = true;
      return response.text();
    });
    await requestSent(pending);
    expect(answered).toBe(false);
    await expect.poll(() => held.length).toBe(1);
    release();
    await expect(pending).resolves.toBe('{}');
  });

  it('resolves when the request fails before it is sent, and leaves the failure to its caller', async () => {
    const pending = Promise.reject(new Error('refused'));
    await requestSent(pending);
    await expect(pending).rejects.toThrow('refused');
  });

  it('resolves when the request settles without announcing itself', async () => {
    await requestSent(Promise.resolve('answered from a cache'));
  });
});
