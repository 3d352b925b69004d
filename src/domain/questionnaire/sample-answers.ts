/**
 * Sample answers for walking the guided check: for every question, values on both sides of
 * every rule that reads it (EEA/Turkish/other nationality, each permit purpose family, dates on
 * both sides of 2015, 2020-05-01 and 2022, ages around 18 and AOW), plus "I don't know".
 */
import { date } from '../dates/plain-date.ts';
import { DONT_KNOW, type Samples } from './enumerate-paths.ts';

export const GUIDED_CHECK_SAMPLES: Samples = {
  nationality: ['NO', 'TR', 'SY'],
  permitPurpose: ['asylum', 'family', 'study', 'temporary-protection', 'asylum-seeker', DONT_KNOW],
  familyOfEeaCitizen: [false, true, DONT_KNOW],
  birthDate: [date('1990-01-01'), date('1950-01-01'), date('2010-06-01')],
  permitDate: [date('2021-06-01'), date('2023-03-01'), DONT_KNOW],
  obligationStartDate: [date('2014-03-01'), date('2020-06-01'), DONT_KNOW],
  hasIntegrationDiploma: [false, true],
  diplomas: [[], ['havo'], ['nt2-staatsexamen']],
  schoolYearsInNL: [0, 9, DONT_KNOW],
  pipDate: [date('2023-05-10'), DONT_KNOW],
  termEndDate: [date('2024-02-15'), DONT_KNOW],
  route: ['b1', 'z', DONT_KNOW],
  medicalLimitation: [false, true],
  circumstances: [[], ['birth', 'literacy-course', 'special-circumstances']],
  courseHours: [100, 700],
  examAttempts: [0, 4],
  yearsInNL: [3, 12],
  yearsWorkedInNL: [6],
};
