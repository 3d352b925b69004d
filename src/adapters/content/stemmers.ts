/**
 * The stemmers search uses, from @orama/stemmers (1.7–2.8 KB each, no Node APIs): the same map
 * builds the index on the server and loads it in the browser (`SearchIndex.fromJSON(data, STEMMERS)`),
 * so both stem a question alike. German, French, Spanish, Italian, Portuguese and Russian have no
 * answers; their stemmers only find lexicon terms in questions asked in those languages.
 */
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';
import type { Stemmers } from '#search/analyze.ts';

export const STEMMERS: Stemmers = {
  nl: dutch,
  en: english,
  tr: turkish,
  ar: arabic,
  uk: ukrainian,
  ru: russian,
  de: german,
  fr: french,
  es: spanish,
  it: italian,
  pt: portuguese,
};
