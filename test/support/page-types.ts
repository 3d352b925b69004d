/** One page of each type, for the tests that look at every page (page CSS, styles in a browser). */
const ASYLUM = 'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false';
export const COMPLETE =
  `${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0` +
  '&pipDate=2023-05-10&medicalLimitation=false&circumstances=birth&courseHours=300&examAttempts=1';
/** One of each page type (the paths after /{lang}). */
export const PAGE_TYPES = [
  '/',
  '/check',
  '/check?nationality=SY',
  '/check?nationality=SY&permitPurpose=asylum',
  `/check?${ASYLUM}`,
  `/check?${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false`,
  `/check?${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=`,
  `/check?${ASYLUM}&q=birthDate&answer-day=31&answer-month=2&answer-year=1990`,
  `/summary?${COMPLETE}`,
  `/result?${COMPLETE}`,
  '/result?nationality=SY&permitPurpose=asylum&birthDate=1960-01-01&permitDate=2010-01-01',
  '/help',
  '/kb',
  '/kb/extension-pregnancy-birth',
  '/search?q=DUO',
  '/search?q=',
  '/no-such-page',
];
