import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Fastify from 'fastify';
import { type AssetManifest, acceptedEncoding, readBuiltAssets, sendStatic } from './assets.ts';

test('the encoding: brotli before gzip, only what the client accepts and the build made', () => {
  const all = ['br', 'gzip', 'identity'] as const;
  assert.equal(acceptedEncoding('gzip, deflate, br', all), 'br');
  assert.equal(acceptedEncoding('gzip, deflate', all), 'gzip');
  assert.equal(acceptedEncoding('br;q=0, gzip;q=0.5', all), 'gzip');
  assert.equal(acceptedEncoding('x-gzip', all), 'gzip');
  assert.equal(acceptedEncoding('BR', all), 'br');
  assert.equal(acceptedEncoding(undefined, all), 'identity');
  assert.equal(acceptedEncoding('*', all), 'identity');
  assert.equal(acceptedEncoding('br, gzip', ['identity']), 'identity');
});

test('built files are served in the accepted encoding with their own ETag, 304 when unchanged', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'wegwijs-assets-'));
  const app = Fastify();
  try {
    mkdirSync(join(dist, 'public', 'assets'), { recursive: true });
    writeFileSync(join(dist, 'public', 'assets', 'app.js'), 'plain');
    writeFileSync(join(dist, 'public', 'assets', 'app.js.br'), 'brotli');
    writeFileSync(join(dist, 'public', 'assets', 'app.js.gz'), 'gzip');
    writeFileSync(join(dist, 'site.css'), 'body{}');
    const manifest: AssetManifest = {
      sourceHash: 'x',
      builtAt: '2026-01-01T00:00:00Z',
      cssHash: 'hash',
      files: {
        '/assets/app.js': {
          file: 'assets/app.js',
          type: 'text/javascript; charset=utf-8',
          cacheControl: 'public, max-age=3600',
          hash: '0123456789abcdef',
          encodings: ['br', 'gzip', 'identity'],
        },
      },
    };
    writeFileSync(join(dist, 'manifest.json'), JSON.stringify(manifest));
    const assets = readBuiltAssets(dist);
    assert.equal(assets.css, 'body{}');
    assert.equal(assets.cssHash, 'hash');
    app.get('/assets/app.js', (request, reply) =>
      sendStatic(request, reply, assets.files.get('/assets/app.js')!),
    );

    const br = await app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.body, 'brotli');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.etag, '"0123456789abcdef-br"');
    assert.equal(br.headers.vary, 'accept-encoding');
    assert.equal(br.headers['cache-control'], 'public, max-age=3600');
    const gz = await app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.body, 'gzip');
    const plain = await app.inject({ url: '/assets/app.js' });
    assert.equal(plain.body, 'plain');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.etag, '"0123456789abcdef"');
    const again = await app.inject({
      url: '/assets/app.js',
      headers: { 'accept-encoding': 'br', 'if-none-match': 'W/"0123456789abcdef-br"' },
    });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  } finally {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  }
});
