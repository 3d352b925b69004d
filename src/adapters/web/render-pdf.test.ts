// The PDF pool: bounded, cancellable, timed out, and it leaves no profile behind (even after a crash).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PdfBusy, PdfCancelled, PdfRenderer, PROFILE_PREFIX } from './render-pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'wegwijs-pdf-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const HTML = '<!doctype html><html lang="en"><body><h1>Hello</h1></body></html>';

test('profiles left by a killed server are removed at the next start; a running one is kept', () => {
  const stale = join(dir, `${PROFILE_PREFIX}999999999-abc`);
  const mine = join(dir, `${PROFILE_PREFIX}${process.pid}-def`);
  mkdirSync(join(stale, 'Default'), { recursive: true });
  mkdirSync(mine);
  new PdfRenderer({}, dir);
  assert.equal(existsSync(stale), false);
  assert.equal(existsSync(mine), true);
  rmSync(mine, { recursive: true });
});

test('two print at a time, a short queue, then PdfBusy at once; a queued print leaves on abort', async () => {
  const pdf = new PdfRenderer({ concurrency: 1, queue: 1, timeoutMs: 30_000 }, dir);
  try {
    assert.equal(pdf.full(), false);
    const first = pdf.render(HTML);
    assert.equal(pdf.full(), false, 'the queue has room');
    const gone = new AbortController();
    const queued = pdf.render(HTML, gone.signal);
    assert.equal(pdf.full(), true, 'the next one would be refused');
    await assert.rejects(pdf.render(HTML), PdfBusy);
    assert.deepEqual(pdf.load(), { running: 1, waiting: 1 });
    gone.abort();
    await assert.rejects(queued, (e) => e instanceof PdfCancelled && e.reason === 'aborted');
    assert.deepEqual(pdf.load(), { running: 1, waiting: 0 });
    assert.equal(pdf.full(), false);
    const bytes = await first;
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.equal(readdirSync(dir).filter((n) => n.startsWith(PROFILE_PREFIX)).length, 1, 'one profile');
  } finally {
    await pdf.close();
  }
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.startsWith(PROFILE_PREFIX)),
    [],
    'profile removed',
  );
});

test('a print that takes too long is cancelled', async () => {
  const pdf = new PdfRenderer({ concurrency: 1, queue: 1, timeoutMs: 1 }, dir);
  try {
    await assert.rejects(pdf.render(HTML), (e) => e instanceof PdfCancelled && e.reason === 'timeout');
    assert.deepEqual(pdf.load(), { running: 0, waiting: 0 });
  } finally {
    await pdf.close();
  }
});
