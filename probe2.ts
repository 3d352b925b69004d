import { buildApp } from '#app/build-app.ts';
const app = await buildApp();
const COMPLETE = 'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=false&circumstances=birth&courseHours=300&examAttempts=1';
for (let i = 0; i < 50; i++) await app.inject(`/nl/result?${COMPLETE}`);
const t0 = performance.now();
for (let i = 0; i < 400; i++) await app.inject(`/nl/result?${COMPLETE}`);
console.log('result', ((performance.now() - t0) / 400).toFixed(2));
await app.close();
