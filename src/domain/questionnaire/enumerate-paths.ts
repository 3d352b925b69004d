/**
 * Walks every question path of the guided check for a set of sample answers per question, the
 * way a person could click through it. Used by the tests (no dead ends, no unreachable question,
 * every result has a legal source) and by the flow-graph export.
 */
import { assess } from '../assess.ts';
import type { PlainDate } from '../dates/plain-date.ts';
import type { FactName, Facts } from '../facts/facts.ts';
import type { RuleBook } from '../rulebook.ts';
import { nextQuestion } from './next-question.ts';
import { QUESTIONS } from './questions.ts';

export const DONT_KNOW = Symbol('dont-know');
export type SampleAnswer = Facts[FactName] | typeof DONT_KNOW;
export type Samples = Partial<Record<FactName, readonly SampleAnswer[]>>;

export interface PathProblem {
  kind: 'asked-twice' | 'dead-end' | 'no-source';
  facts: Facts;
  detail: string;
}

export interface Walk {
  states: number;
  /** Finished journeys by obligation. */
  results: Record<string, number>;
  /** Question → next question (or `result:<obligation>`) → sample answers that lead there. */
  edges: Map<string, Map<string, Set<string>>>;
  asked: Set<FactName>;
  problems: PathProblem[];
  truncated: boolean;
}

const label = (v: SampleAnswer): string =>
  v === DONT_KNOW ? "don't know" : Array.isArray(v) ? `[${v.join(',')}]` : String(v);

export function walkQuestionPaths(
  asOf: PlainDate,
  book: RuleBook,
  samples: Samples,
  maxStates = 2_000_000,
): Walk {
  const walk: Walk = {
    states: 0,
    results: {},
    edges: new Map(),
    asked: new Set(),
    problems: [],
    truncated: false,
  };
  const addEdge = (from: string, to: string, answer: string) => {
    const targets = walk.edges.get(from) ?? new Map<string, Set<string>>();
    walk.edges.set(from, targets);
    const answers = targets.get(to) ?? new Set<string>();
    targets.set(to, answers);
    answers.add(answer);
  };
  const visit = (
    facts: Facts,
    dontKnow: ReadonlySet<FactName>,
    answered: ReadonlySet<FactName>,
    from?: { fact: FactName; answer: string },
  ) => {
    if (walk.states >= maxStates) {
      walk.truncated = true;
      return;
    }
    walk.states++;
    const a = assess(facts, asOf, book);
    const q = nextQuestion(a, dontKnow);
    if (from) addEdge(from.fact, q ? q.fact : `result:${a.obligation}`, from.answer);
    if (!q) {
      walk.results[a.obligation] = (walk.results[a.obligation] ?? 0) + 1;
      // A deliberate open answer ("ask DUO": the facts point two ways, reason `*.open.*`) is an end, not a dead end.
      const deliberatelyOpen = a.reasons.some((r) => r.status === 'applies' && r.rule.includes('.open.'));
      if (a.obligation === 'unknown' && !deliberatelyOpen && !a.missing.some((f) => dontKnow.has(f))) {
        walk.problems.push({
          kind: 'dead-end',
          facts,
          detail: `unknown, nothing left to ask; missing ${a.missing.join(',')}`,
        });
      }
      if (a.reasons.length === 0 || a.reasons.some((r) => !r.source.url || !r.source.law)) {
        walk.problems.push({
          kind: 'no-source',
          facts,
          detail: `result ${a.obligation} without a legal source`,
        });
      }
      return;
    }
    if (answered.has(q.fact)) {
      walk.problems.push({ kind: 'asked-twice', facts, detail: q.fact });
      return;
    }
    walk.asked.add(q.fact);
    const answers = samples[q.fact] ?? [];
    if (answers.length === 0) {
      walk.problems.push({ kind: 'dead-end', facts, detail: `no sample answers for ${q.fact}` });
      return;
    }
    const nextAnswered = new Set(answered).add(q.fact);
    for (const answer of answers) {
      if (answer === DONT_KNOW && !q.dontKnow) continue;
      const nextFacts = answer === DONT_KNOW ? facts : { ...facts, [q.fact]: answer };
      const nextDontKnow = answer === DONT_KNOW ? new Set(dontKnow).add(q.fact) : dontKnow;
      visit(nextFacts, nextDontKnow, nextAnswered, { fact: q.fact, answer: label(answer) });
    }
  };
  visit({}, new Set(), new Set());
  return walk;
}

/** Questions that no walked path asks. */
export function unreachedQuestions(walk: Walk): FactName[] {
  return QUESTIONS.map((q) => q.fact).filter((f) => !walk.asked.has(f));
}

const nodeId = (n: string) => n.replace(/[^a-zA-Z0-9]/g, '_');

export function toMermaid(walk: Walk): string {
  const lines = ['flowchart TD', '  start((start)) --> nationality'];
  for (const [from, targets] of walk.edges) {
    for (const [to, answers] of targets) {
      lines.push(
        `  ${nodeId(from)} -->|${[...answers].slice(0, 6).join(' / ').replace(/\|/g, '/')}| ${nodeId(to)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function toDot(walk: Walk): string {
  const lines = ['digraph wegwijs {', '  rankdir=TB;', '  node [shape=box];'];
  for (const [from, targets] of walk.edges) {
    for (const [to, answers] of targets) {
      const shape = to.startsWith('result:') ? ' [style=bold]' : '';
      lines.push(`  "${from}" -> "${to}" [label="${[...answers].slice(0, 6).join(' / ')}"]${shape};`);
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
