/**
 * Reads the knowledge base: every content/kb/<topic>/<lang>.yaml, validated against its schema
 * (content/kb/README.md), and the topic list content/kb/topics.yaml. Every problem names its file.
 * Legal amounts are placeholders (`{{param:ID}}`) replaced here by the rule parameters' values
 * (kb-params.ts), so every consumer (pages, search index, offline index, tests) reads the amounts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Type, { type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { type PlainDate, parseIsoDate } from '#domain/dates/plain-date.ts';
import type { RuleSet } from '#domain/rulebook.ts';
import { LANGUAGES } from '#languages/languages.ts';
import { CONTENT_DIR } from './content-paths.ts';
import { amsterdamDate, interpolateStrings, type ParamResolver, ruleSetResolver } from './kb-params.ts';
import { ContentError, loadRuleSet, readYaml } from './load-rulebook.ts';

export const KB_STATUSES = ['authored', 'machine-assisted', 'reviewed'] as const;

const TopicId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
/** One of a list of strings, typed as their union. */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

export const KbEntrySchema = Type.Object(
  {
    topic: TopicId,
    lang: oneOf(LANGUAGES),
    status: oneOf(KB_STATUSES),
    lastChecked: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    title: Type.String({ minLength: 3 }),
    summary: Type.String({ minLength: 3 }),
    answer: Type.String({ minLength: 3 }),
    phrasings: Type.Array(Type.String({ minLength: 2 }), { minItems: 5 }),
    terms: Type.Optional(Type.Record(Type.String({ minLength: 1 }), Type.String({ minLength: 1 }))),
    sources: Type.Array(
      Type.Object(
        { url: Type.String({ pattern: '^https?://\\S+$' }), label: Type.String({ minLength: 1 }) },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    related: Type.Array(TopicId),
    check: Type.Boolean(),
  },
  { additionalProperties: false },
);

export type KbEntry = Static<typeof KbEntrySchema>;

let compiledKbEntry: { Check(value: unknown): boolean } | undefined;

const TopicsSchema = Type.Array(TopicId, { minItems: 1 });

export interface KbProblem {
  file: string;
  problem: string;
}

export interface KbReadResult {
  entries: KbEntry[];
  problems: KbProblem[];
}

export function kbDir(contentDir: string = CONTENT_DIR): string {
  return join(contentDir, 'kb');
}

const SiblingsSchema = Type.Record(TopicId, Type.Array(TopicId, { minItems: 1 }));

/**
 * content/kb/siblings.yaml: per topic, the answers people confuse it with (linked on its page as
 * "If instead ..."). Every id must be a topic of topics.yaml.
 */
export function loadSiblings(contentDir: string = CONTENT_DIR): Record<string, string[]> {
  const file = join(kbDir(contentDir), 'siblings.yaml');
  const value = readYaml(file);
  const problems = [...Value.Errors(SiblingsSchema, value)].map(
    (e) => `${e.instancePath || '/'}: ${e.message}`,
  );
  if (problems.length) throw new ContentError(file, problems);
  const siblings = value as Record<string, string[]>;
  const known = new Set(loadTopicIds(contentDir));
  const unknown = Object.entries(siblings)
    .flatMap(([topic, list]) => [topic, ...list])
    .filter((t) => !known.has(t));
  if (unknown.length)
    throw new ContentError(
      file,
      [...new Set(unknown)].map((t) => `unknown topic "${t}"`),
    );
  return siblings;
}

/** The topic ids of content/kb/topics.yaml. */
export function loadTopicIds(contentDir: string = CONTENT_DIR): string[] {
  const file = join(kbDir(contentDir), 'topics.yaml');
  const value = readYaml(file);
  const problems = [...Value.Errors(TopicsSchema, value)].map(
    (e) => `${e.instancePath || '/'}: ${e.message}`,
  );
  if (problems.length) throw new ContentError(file, problems);
  return value as string[];
}

export interface KbReadOptions {
  /** The rule set whose parameters fill the placeholders (default: the bundled one of contentDir). */
  ruleSet?: RuleSet;
  /** The date whose parameter values are shown (default: today in the Netherlands). */
  asOf?: PlainDate;
  /** Leave the placeholders in the text (for the content checks of the sources themselves). */
  raw?: boolean;
}

/** Fields whose strings are never interpolated. */
const NOT_TEXT = new Set(['topic', 'lang', 'status', 'lastChecked', 'url', 'related']);
/** Fields written as people type (numbers without a thousands separator: "1250 euro"). */
const TYPED = new Set(['phrasings']);

/**
 * Reads every <topic>/<lang>.yaml under content/kb and collects all problems instead of stopping
 * at the first (the content check reports them all).
 */
export function readKb(contentDir: string = CONTENT_DIR, options: KbReadOptions = {}): KbReadResult {
  const dir = kbDir(contentDir);
  let resolver: ParamResolver | undefined;
  const resolve: ParamResolver = (id, path) => {
    if (!resolver) {
      try {
        resolver = ruleSetResolver(
          options.ruleSet ?? loadRuleSet(contentDir),
          options.asOf ?? amsterdamDate(),
        );
      } catch (error) {
        const why = `the rule parameters cannot be read (${(error as Error).message.split('\n')[0]})`;
        resolver = () => ({ problem: why });
      }
    }
    return resolver(id, path);
  };
  const entries: KbEntry[] = [];
  const problems: KbProblem[] = [];
  const topicDirs = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const topic of topicDirs) {
    for (const name of readdirSync(join(dir, topic)).sort()) {
      const file = join(dir, topic, name);
      const rel = `content/kb/${topic}/${name}`;
      if (!name.endsWith('.yaml')) {
        problems.push({ file: rel, problem: 'not a .yaml file' });
        continue;
      }
      let value: unknown;
      try {
        value = readYaml(file);
      } catch (error) {
        problems.push({
          file: rel,
          problem: `not valid YAML: ${(error as Error).message.split('\n').slice(1).join(' ').trim()}`,
        });
        continue;
      }
      // Check with the compiled schema first (fast); list the errors only for a file that fails.
      compiledKbEntry ??= Compile(KbEntrySchema);
      const errors = compiledKbEntry.Check(value)
        ? []
        : [...Value.Errors(KbEntrySchema, value)].map((e) => `${e.instancePath || '/'}: ${e.message}`);
      if (errors.length) {
        for (const problem of errors) problems.push({ file: rel, problem });
        continue;
      }
      let entry = value as KbEntry;
      const lang = name.slice(0, -'.yaml'.length);
      if (!options.raw) {
        const filled = interpolateStrings(entry, entry.lang, resolve, NOT_TEXT, TYPED);
        for (const problem of filled.problems) problems.push({ file: rel, problem });
        entry = filled.value;
      }
      if (entry.topic !== topic)
        problems.push({ file: rel, problem: `/topic: "${entry.topic}" is not the folder name "${topic}"` });
      if (entry.lang !== lang)
        problems.push({ file: rel, problem: `/lang: "${entry.lang}" is not the file name "${lang}"` });
      if (!parseIsoDate(entry.lastChecked))
        problems.push({ file: rel, problem: `/lastChecked: ${entry.lastChecked} is not a calendar date` });
      entries.push(entry);
    }
  }
  return { entries, problems };
}

/** The knowledge base, or a ContentError naming every bad file. */
export function loadKb(contentDir: string = CONTENT_DIR, options: KbReadOptions = {}): KbEntry[] {
  const { entries, problems } = readKb(contentDir, options);
  if (problems.length) {
    const byFile = new Map<string, string[]>();
    for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p.problem]);
    throw new ContentError(
      'content/kb',
      [...byFile].map(([file, list]) => `${file}: ${list.join('; ')}`),
    );
  }
  return entries;
}
