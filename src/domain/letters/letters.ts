/**
 * The letters a person can send to DUO: one per option of the assessment that is a request to DUO
 * (more time, an ontheffing or a vrijstelling, asked for by post or by a letter of one's own) and
 * whose window has not closed. Pure: from the Assessment only; the texts come from the message
 * catalogs (`letter.*`), the DUO address from the contacts, the personal details from the person
 * (typed into the letter, never stored: ./letter-input.ts).
 */
import type { Assessment, OptionResult } from '../assess.ts';
import type { PlainDate } from '../dates/plain-date.ts';
import type { LegalSource } from '../rulebook.ts';
import type { Regime } from '../rules/derive.ts';
import type { OptionId } from '../rules/options.ts';

/** What the person types into the letter; the signature and the date of signing are lines on paper. */
export const LETTER_FIELDS = [
  'name',
  'address',
  'postcode',
  'city',
  'birthDate',
  'bsn',
  'vNumber',
  'reason',
  'date',
] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

/**
 * How an evidence code of an option reads in a letter: a paper to enclose (`letter.enclosure.<code>`),
 * or a note the letter states (`letter.note.<code>`), or nothing (the letter itself is the evidence).
 */
export const EVIDENCE_IN_LETTER: Readonly<Record<string, 'enclose' | 'note' | 'none'>> = {
  'diploma-copy': 'enclose',
  'proof-of-enrolment': 'enclose',
  'verklaring-deelname-cursus': 'enclose',
  werkgeversverklaring: 'enclose',
  'explain-and-prove': 'enclose',
  'gp-medical-file': 'enclose',
  'pharmacy-medication-overview': 'enclose',
  'specialist-letter': 'enclose',
  'death-certificate': 'enclose',
  'birth-certificate-copy': 'enclose',
  'municipality-statement': 'enclose',
  // The medical ontheffing: DUO's medical adviser (Argonaut) examines; no medical papers go with it.
  'no-medical-papers-with-form': 'note',
  'pay-invoice-refund': 'note',
  'letter-with-personal-details': 'none',
};

/**
 * The ways of applying that are a request sent to DUO in writing, so a letter helps: DUO's form
 * (the letter goes with it), a letter of one's own, or a ground DUO names no form for (call DUO to
 * ask how; the letter is what to send).
 */
const BY_POST: ReadonlySet<OptionResult['applyVia']> = new Set(['duo-post', 'letter-to-duo', 'duo-ask-how']);

export interface Letter {
  /** The option it asks for; also the letter's id in URLs (one option per id in an assessment). */
  optionId: OptionId;
  variant: string;
  regime: Regime | null;
  /** Who it goes to: always DUO's Servicecentrum Inburgering (the address is in the contacts). */
  addressee: 'duo';
  /** `letter`: the letter is the request itself (DUO has no form); `cover`: it goes with DUO's form. */
  kind: 'letter' | 'cover';
  /** DUO's form it goes with (Dutch name), or null. */
  form: string | null;
  /** The rule's legal source, cited in the letter. */
  legalBasis: LegalSource;
  /** Evidence codes to enclose (`letter.enclosure.<code>`), in the rule's order. */
  enclosures: string[];
  /** Evidence codes the letter states as a note (`letter.note.<code>`). */
  notes: string[];
  /** The person's own explanation is the heart of the request (a letter without a DUO form). */
  reasonRequired: boolean;
  /** DUO names no form for it: the pages say to call DUO and ask how, before sending the letter. */
  askHowFirst: boolean;
  /** The fields the person fills in, in the order of the form. */
  fields: readonly LetterField[];
  /** It can be sent today; otherwise from `sendFrom` (null: when is not known yet). */
  canSendNow: boolean;
  sendFrom: PlainDate | null;
  /** The last day it can be sent (the term end for an extension), or null. */
  sendUntil: PlainDate | null;
  /** The term end the letter may state (null: not known). */
  termEnd: PlainDate | null;
  /** false where the rule is UNCONFIRMED: the letter pages say "ask DUO first". */
  confirmed: boolean;
  /** Numbers the notes name (fees, refunds). */
  params: Record<string, number>;
}

/** Whether an option is asked of DUO by post (a letter helps): not automatic, not a hearing, not another body. */
export function isLetterOption(o: OptionResult): boolean {
  return o.decidedBy === 'DUO' && BY_POST.has(o.applyVia) && o.timing !== 'automatic';
}

/** Every letter the answer offers today, in the order of the options; none for a closed window. */
export function lettersFor(a: Assessment): Letter[] {
  return a.options.filter((o) => isLetterOption(o) && o.closed === null).map((o) => letterOf(a, o));
}

/** The letter for one option id, or undefined when the answer does not offer it (or no longer). */
export function letterFor(a: Assessment, optionId: string): Letter | undefined {
  return lettersFor(a).find((l) => l.optionId === optionId);
}

function letterOf(a: Assessment, o: OptionResult): Letter {
  const kind = o.applyVia === 'letter-to-duo' || !o.form ? 'letter' : 'cover';
  const use = (code: string) => EVIDENCE_IN_LETTER[code] ?? 'enclose';
  return {
    optionId: o.id,
    variant: o.variant,
    regime: o.regime,
    addressee: 'duo',
    kind,
    form: o.form,
    legalBasis: o.source,
    enclosures: o.evidence.filter((e) => use(e) === 'enclose'),
    notes: o.evidence.filter((e) => use(e) === 'note'),
    reasonRequired: o.applyVia === 'letter-to-duo',
    askHowFirst: o.applyVia === 'duo-ask-how',
    fields: LETTER_FIELDS,
    canSendNow: o.canApplyNow,
    sendFrom: o.canApplyNow ? null : o.availableFrom,
    sendUntil: o.availableUntil,
    termEnd: a.termEnd,
    confirmed: o.confirmed && o.source.confirmed,
    params: { ...o.params },
  };
}
