/**
 * Numbers that tell what a question is about, in any language (digits are ASCII after
 * `normaliseText`). Two rules a reader applies without knowing the language:
 *
 * - An age past 60: a number from 60 to 110 that is not an amount or a count of something else
 *   (euro, hours, months, lessons: a unit of the `measure-unit`, money or lessons concepts right
 *   beside it, or a currency sign) is a person's age: "im 67", "ich bin 67", "٦٧ ساله", "67岁".
 *   Amounts are rarely that small, years have four digits, and the school ages are below 60.
 * - A span of school ages: two numbers, the first from 4 to 12 and the second from 12 to 18 and
 *   at least three more ("from 6 to 16", "de 6 à 16 ans", "۶ څخه تر ۱۶"), in a question that
 *   names school or age, is the years one went to school as a child.
 *
 * Each rule adds a lexicon concept (`old-age`, `childhood-school`) to the question's concepts;
 * the lexicon's cues then point at the answer.
 */
import type { ConceptMatch, LexiconData } from './lexicon.ts';
import type { Token } from './text.ts';

const NUMBER = /^\d{1,3}$/;
const CURRENCY = /[€$£]\s*(\d{2,3})(?!\d)|(?<!\d)(\d{2,3})\s*[€$£]/g;
/** Concepts whose words, beside a number, make it an amount or a count (not an age). */
const QUANTITY_CONCEPTS = ['measure-unit', 'costs', 'fine', 'loan', 'repay', 'lessons-hours', 'how-long'];
/** Concepts that make a span of small numbers school ages. */
const SCHOOL_CONCEPTS = ['school', 'childhood-school', 'studying-now', 'study', 'age', 'minor'];

export class NumberCues {
  private readonly oldAge: number;
  private readonly childhood: number;
  private readonly quantity: ReadonlySet<number>;
  private readonly school: ReadonlySet<number>;

  constructor(lexicon: LexiconData) {
    const id = (name: string) => lexicon.concepts.indexOf(name);
    this.oldAge = id('old-age');
    this.childhood = id('childhood-school');
    this.quantity = new Set(QUANTITY_CONCEPTS.map(id).filter((c) => c >= 0));
    this.school = new Set(SCHOOL_CONCEPTS.map(id).filter((c) => c >= 0));
  }

  /** The concepts the numbers of a question add (concept numbers, none already found). */
  concepts(query: string, tokens: readonly Token[], matches: readonly ConceptMatch[]): number[] {
    const numbers: { at: number; n: number }[] = [];
    tokens.forEach((t, at) => {
      if (NUMBER.test(t.text)) numbers.push({ at, n: Number(t.text) });
    });
    if (numbers.length === 0) return [];
    const found = new Set(matches.map((m) => m.concept));
    const out: number[] = [];
    const amounts = new Set<number>();
    for (const m of query.matchAll(CURRENCY)) amounts.add(Number(m[1] ?? m[2]));
    // A unit of something else right beside the number (before or after it).
    const counted = (at: number) =>
      amounts.has(Number(tokens[at]!.text)) ||
      matches.some((m) => this.quantity.has(m.concept) && m.start <= at + 1 && m.end >= at);
    if (this.oldAge >= 0 && !found.has(this.oldAge)) {
      if (numbers.some(({ at, n }) => n >= 60 && n <= 110 && !counted(at))) out.push(this.oldAge);
    }
    if (this.childhood >= 0 && !found.has(this.childhood) && [...found].some((c) => this.school.has(c))) {
      const span = numbers.some(
        (a, i) =>
          a.n >= 4 &&
          a.n <= 12 &&
          !counted(a.at) &&
          numbers
            .slice(i + 1)
            .some((b) => b.n >= 12 && b.n <= 18 && b.n - a.n >= 3 && b.at - a.at <= 4 && !counted(b.at)),
      );
      if (span) out.push(this.childhood);
    }
    return out;
  }
}
