import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { buildAssets } from '#adapters/web/assets.ts';
import { buildApp } from '#app/build-app.ts';
const a = buildAssets();
console.log('css', a.css.length);
const app = await buildApp();
const COMPLETE = 'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=false&circumstances=birth&courseHours=300&examAttempts=1';
const html = (await app.inject(`/nl/result?${COMPLETE}`)).body;
const noCss = html.replace(a.css, '');
const m = (f: () => unknown) => { for (let i=0;i<20;i++) f(); const t0=performance.now(); for (let i=0;i<100;i++) f(); return ((performance.now()-t0)/100).toFixed(3); };
for (const [n, h] of [['with css', html], ['no css', noCss]] as const) {
  console.log(n, h.length, 'br4', m(() => brotliCompressSync(h, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })), brotliCompressSync(h, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length,
   'br1', m(() => brotliCompressSync(h, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })), brotliCompressSync(h, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }).length,
   'gz1', m(() => gzipSync(h, { level: 1 })), gzipSync(h, { level: 1 }).length,
   'gz5', m(() => gzipSync(h, { level: 5 })), gzipSync(h, { level: 5 }).length);
}
await app.close();
