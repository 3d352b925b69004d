/**
 * The person most unit tests start from: a Syrian status holder under the Wi2021 (permit
 * 2023-03-01, PIP 2023-05-10, so the term runs 2023-05-11 .. 2026-05-10). Tests spread it and
 * change what they are about, so the facts they share are written once.
 */
import { date } from '../dates/plain-date.ts';
import type { Facts } from './facts.ts';

export const STATUS_HOLDER_2023: Facts = {
  nationality: 'SY',
  familyOfEeaCitizen: false,
  birthDate: date('1990-01-01'),
  permitPurpose: 'asylum',
  permitDate: date('2023-03-01'),
  schoolYearsInNL: 0,
  diplomas: [],
  hasIntegrationDiploma: false,
  pipDate: date('2023-05-10'),
};
