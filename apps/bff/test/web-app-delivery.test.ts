import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from './support/test-stack.js';

/** A stand-in for apps/web/dist as the build leaves it: assets with .br and .gz copies beside them. */
function writeBuiltWebApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pi-enroll-web-'));
  mkdirSync(join(dir, 'assets'));
  const script = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};\n`;
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>pi-enroll</title><script type="module" src="./assets/app-abc123.js"></script>');
  writeFileSync(join(dir, 'assets/app-abc123.js'), script);
  writeFileSync(join(dir, 'assets/app-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dir, 'assets/app-abc123.js.gz'), gzipSync(script));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, '.vite/pages-manifest.json'), JSON.stringify({ 'index.html': { file: 'assets/app-abc123.js' } }));
  return dir;
}

describe('the widget as the BFF delivers it', () => {
  let stack: TestStack;
  let distDir: string;
  beforeAll(async () => {
    distDir = writeBuiltWebApp();
    stack = await startStack({ env: { WEB_DIST_DIR: distDir } });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  const fetchRaw = async (path: string, acceptEncoding: string) => {
    const response = await request(`${stack.baseUrl}${path}`, { headers: { 'accept-encoding': acceptEncoding } });
    return { status: response.statusCode, headers: response.headers, body: Buffer.from(await response.body.arrayBuffer()) };
  };

  it('sends the Brotli copy to browsers that accept it, gzip to those that accept only gzip, and plain text otherwise', async () => {
    const brotli = await fetchRaw('/assets/app-abc123.js', 'gzip, deflate, br, zstd');
    const gzip = await fetchRaw('/assets/app-abc123.js', 'gzip');
    const plain = await fetchRaw('/assets/app-abc123.js', 'identity');

    expect(brotli.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const text = plain.body.toString('utf8');
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(text);
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(text);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 10);
    // Caches must keep the encodings apart; hashed assets may be kept for good.
    for (const response of [brotli, gzip, plain]) {
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-type']).toMatch(/javascript/);
    }
  });

  it("does not serve the build's own files (Vite's manifests under .vite/)", async () => {
    for (const path of ['/.vite/pages-manifest.json', '/%2evite/pages-manifest.json', '/assets/../.vite/pages-manifest.json']) {
      const response = await fetchRaw(path, 'identity');
      expect(response.status, path).toBe(404);
      expect(response.body.toString('utf8'), path).not.toContain('app-abc123');
    }
  });

  it('serves the page itself, uncached, whatever the browser accepts', async () => {
    const page = await fetchRaw('/', 'gzip, br');
    expect(page.status).toBe(200);
    expect(page.body.toString('utf8')).toContain('assets/app-abc123.js');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('redirects BASE_PATH without its trailing slash to the page, keeping the query', async () => {
    const mounted = await startStack({ simulator: stack.sim, clock: stack.clock, env: { WEB_DIST_DIR: distDir, BASE_PATH: '/mfa' } });
    try {
      const bare = await request(`${mounted.baseUrl}/mfa`);
      expect(bare.statusCode).toBe(301);
      expect(bare.headers.location).toBe('/mfa/');
      const withQuery = await request(`${mounted.baseUrl}/mfa?lang=de`);
      expect(withQuery.headers.location).toBe('/mfa/?lang=de');
      const page = await request(`${mounted.baseUrl}/mfa/`);
      expect(page.statusCode).toBe(200);
      await Promise.all([bare.body.dump(), withQuery.body.dump(), page.body.dump()]);
    } finally {
      await mounted.close();
    }
  });
});
