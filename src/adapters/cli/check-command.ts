/**
 * `wegwijs check`: the guided check in the terminal. It asks only the facts the engine reports
 * missing, in Dutch or English, then prints the answer with reasons and sources. Type ? for
 * "I don't know". Nothing is saved.
 */
import { assess } from '#domain/assess.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { checkConsistency, surprises } from '#domain/facts/consistency.ts';
import { ISO_COUNTRIES } from '#domain/facts/countries.ts';
import type { FactName, Facts } from '#domain/facts/facts.ts';
import { nextQuestion, progress } from '#domain/questionnaire/next-question.ts';
import { normalizeDigits, parseAnswer } from '#domain/questionnaire/parse-answer.ts';
import type { Question } from '#domain/questionnaire/questions.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import { whatWouldChange } from '#domain/what-would-change.ts';
import { describeAssessment } from '#i18n/describe-assessment.ts';
import { answerProblemText, inconsistencyText, surpriseText } from '#i18n/fact-problems.ts';
import { optionKey } from '#i18n/labels.ts';
import type { Translator } from '#i18n/translate.ts';
import { renderResultText } from './render-text.ts';

/** Country names in the person's language and in English, to their code ("Syrië" → SY). */
function countryNames(locale: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const lang of [locale, 'en', 'nl']) {
    const display = new Intl.DisplayNames([lang], { type: 'region' });
    for (const code of ISO_COUNTRIES) names.set((display.of(code) ?? code).toLocaleLowerCase(lang), code);
  }
  for (const word of ['stateless', 'staatloos']) names.set(word, 'stateless');
  return names;
}

export function optionLabel(t: Translator, q: Question, value: string): string {
  return t.t(optionKey(q.fact, value));
}

/** Maps what was typed to the raw values parseAnswer understands. */
function rawValues(q: Question, typed: string, t: Translator, countries: Map<string, string>): string[] {
  // Numbered choices may be typed with Arabic-Indic or Persian digits too.
  const text = normalizeDigits(typed).trim();
  const lower = text.toLocaleLowerCase(t.locale);
  if (q.type === 'yes-no') {
    if (['1', 'y', 'yes', 'j', 'ja', t.t('answer.yes').toLocaleLowerCase(t.locale)].includes(lower))
      return ['yes'];
    if (['2', 'n', 'no', 'nee', t.t('answer.no').toLocaleLowerCase(t.locale)].includes(lower)) return ['no'];
    return [text];
  }
  if (q.type === 'country') return [countries.get(lower) ?? text];
  if (q.type === 'choice') return [q.options?.[Number(text) - 1] ?? text];
  if (q.type === 'multi-choice') {
    if (text === '0' || text === '') return [];
    return text.split(/[,\s]+/).map((n) => q.options?.[Number(n) - 1] ?? n);
  }
  return [text];
}

/** Reads one answer; undefined when the input has ended. */
export type Ask = (prompt: string) => Promise<string | undefined>;

/** Returns the facts given, or undefined when the input ended before the check was done. */
export async function checkCommand(
  ask: Ask,
  book: RuleBook,
  asOf: PlainDate,
  t: Translator,
  write: (text: string) => void,
): Promise<Facts | undefined> {
  const facts: Facts = {};
  const dontKnow = new Set<FactName>();
  const countries = countryNames(t.locale);
  let answered = 0;
  write(`${t.t('app.name')}: ${t.t('cli.check.intro')}\n`);
  for (;;) {
    const a = assess(facts, asOf, book);
    const q = nextQuestion(a, dontKnow);
    if (!q) break;
    const p = progress(answered, a, dontKnow);
    write(
      `\n${t.t('cli.check.progress', { answered: answered + 1, total: p.total })}\n${t.t(`question.${q.fact}.title`)}\n`,
    );
    if (t.has(`question.${q.fact}.help`)) write(`(${t.t(`question.${q.fact}.help`)})\n`);
    if (q.type === 'yes-no') write(`  1. ${t.t('answer.yes')}\n  2. ${t.t('answer.no')}\n`);
    for (const [i, v] of (q.options ?? []).entries()) write(`  ${i + 1}. ${optionLabel(t, q, v)}\n`);
    if (q.type === 'multi-choice') write(`  0. ${t.t('answer.none')}\n${t.t('cli.check.chooseMany')}\n`);
    else if (q.type === 'choice') write(`${t.t('cli.check.choose')}\n`);
    if (q.type === 'country') write(`${t.t('cli.check.country')}\n`);
    if (q.type === 'date') write(`${t.t('cli.check.date')}\n`);
    if (q.type === 'number') write(`${t.t('cli.check.number')}\n`);
    if (q.dontKnow) write(`  ? ${t.t('answer.dontKnow')}\n`);
    for (;;) {
      const typed = await ask('> ');
      if (typed === undefined) return undefined;
      if (q.dontKnow && typed.trim() === '?') {
        dontKnow.add(q.fact);
        break;
      }
      const parsed = parseAnswer(q, rawValues(q, typed, t, countries));
      if (!parsed.ok) {
        write(
          `${parsed.problem === 'invalid' ? t.t('cli.check.invalid') : answerProblemText(t, q, parsed.problem)}\n`,
        );
        continue;
      }
      const next = { ...facts, [q.fact]: parsed.value } as Facts;
      // Answers that cannot all be true: say why, ask again.
      const clash = checkConsistency(next, asOf).filter((i) => i.fields.includes(q.fact));
      if (clash.length) {
        for (const i of clash) write(`${inconsistencyText(t, i)}\n`);
        continue;
      }
      // A surprising answer ("you are 1 year old"): is that right?
      const surprise = surprises(next, asOf).find((x) => x.fact === q.fact);
      if (surprise) {
        write(`${surpriseText(t, surprise)}\n  1. ${t.t('confirm.yes')}\n  2. ${t.t('confirm.change')}\n`);
        const confirmed = await ask('> ');
        if (confirmed === undefined) return undefined;
        if (
          !['1', 'y', 'yes', 'j', 'ja', t.t('answer.yes').toLocaleLowerCase(t.locale)].includes(
            confirmed.trim().toLocaleLowerCase(t.locale),
          )
        ) {
          write(`${t.t(`question.${q.fact}.title`)}\n`);
          continue;
        }
      }
      (facts as Record<string, unknown>)[q.fact] = parsed.value;
      break;
    }
    answered++;
  }
  const a = assess(facts, asOf, book);
  const described = describeAssessment(t, a, whatWouldChange(facts, asOf, book, a), [...dontKnow]);
  write(`\n${renderResultText(described, t)}\n`);
  return facts;
}
