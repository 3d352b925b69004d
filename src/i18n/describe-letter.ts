/**
 * A letter to DUO as the texts of one language: the Dutch one is sent, the same in the person's
 * language is their mirror copy. Every sentence comes from the `letter.*` messages; the personal
 * details come from the person and are only placed, never changed (an empty one is a line to
 * write on by hand). Used by the public letter page and the case desk alike.
 */
import type { LetterInput } from '#domain/letters/letter-input.ts';
import type { Letter } from '#domain/letters/letters.ts';
import { direction, type Locale } from './locales.ts';
import type { Translator } from './translate.ts';

export interface LetterText {
  lang: Locale;
  dir: 'ltr' | 'rtl';
  /** The sender's lines: name, street and number, postcode and town ('' = a line to fill in). */
  sender: string[];
  /** DUO's postal address, one line each. */
  addressee: string[];
  placeDate: string;
  subject: string;
  /** The person's details as label and value ('' = a line to fill in). */
  details: { field: 'name' | 'birthDate' | 'bsn' | 'vNumber' | 'address'; label: string; value: string }[];
  salutation: string;
  /** The request, its legal basis, the term end, DUO's form and the notes. */
  paragraphs: string[];
  reasonHeading: string;
  /** The person's own words, as typed ('' = lines to write on). */
  reason: string;
  enclosuresHeading: string;
  enclosures: string[];
  closing: string;
  signatureLabel: string;
  dateLabel: string;
  date: string;
  name: string;
}

/** The letter in `t`'s language. `post` is DUO's address as one line, comma-separated (from the contacts). */
export function describeLetter(t: Translator, letter: Letter, input: LetterInput, post: string): LetterText {
  const p = letter.params;
  const date = t.date(input.date);
  const basis = [letter.legalBasis.law, letter.legalBasis.article].filter(Boolean).join(', ');
  const paragraphs = [t.t(`letter.ground.${letter.optionId}`, p), t.t('letter.basis', { basis })];
  if (letter.termEnd) paragraphs.push(t.t('letter.termEnd', { date: t.date(letter.termEnd) }));
  if (letter.form) paragraphs.push(t.t('letter.withForm', { form: letter.form }));
  for (const n of letter.notes) paragraphs.push(t.t(`letter.note.${n}`, p));
  const town = [input.postcode, input.city].filter(Boolean).join(' ');
  const enclosures = [
    ...(letter.form ? [t.t('letter.enclosure.form', { form: letter.form })] : []),
    ...letter.enclosures.map((e) => t.t(`letter.enclosure.${e}`, p)),
  ];
  return {
    lang: t.locale,
    dir: direction(t.locale),
    sender: [input.name, input.address, town],
    addressee: post.split(/,\s*/),
    placeDate: input.city ? t.t('letter.placeDate', { place: input.city, date }) : date,
    subject: t.t('letter.subject', { title: t.t(`option.${letter.optionId}.title`) }),
    details: [
      { field: 'name', label: t.t('letter.field.name'), value: input.name },
      {
        field: 'birthDate',
        label: t.t('letter.field.birthDate'),
        value: input.birthDate ? t.date(input.birthDate) : '',
      },
      { field: 'bsn', label: t.t('letter.field.bsn'), value: input.bsn },
      ...(input.vNumber
        ? [{ field: 'vNumber' as const, label: t.t('letter.field.vNumber'), value: input.vNumber }]
        : []),
      {
        field: 'address',
        label: t.t('letter.detail.address'),
        value: [input.address, town].filter(Boolean).join(', '),
      },
    ],
    salutation: t.t('letter.salutation'),
    paragraphs,
    reasonHeading: t.t('letter.reasonHeading'),
    reason: input.reason,
    enclosuresHeading: t.t('letter.enclosures'),
    enclosures,
    closing: t.t('letter.closing'),
    signatureLabel: t.t('letter.signature'),
    dateLabel: t.t('letter.field.date'),
    date,
    name: input.name,
  };
}
