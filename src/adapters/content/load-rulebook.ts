/**
 * Reads content/law/sources.yaml and content/rules/parameters.yaml, validates them against a
 * schema, checks that every rule's references resolve, and builds the rule set the engine uses,
 * with its version (rule data + engine code). Content errors name the file and the path.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Type, { type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { parse } from 'yaml';
import { type PlainDate, parseIsoDate } from '#domain/dates/plain-date.ts';
import {
  type LegalSource,
  PARAMETER_IDS,
  type Parameter,
  type ParameterId,
  type ParameterTypes,
  type RuleData,
  type RuleSet,
  type ValueRef,
} from '#domain/rulebook.ts';
import { OPTION_IDS } from '#domain/rules/options.ts';
import { RULES } from '#domain/rules/rule-data.ts';
import { CONTENT_DIR } from './content-paths.ts';
import { fromSnapshot } from './content-snapshot.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const SourceSchema = Type.Object(
  {
    law: Type.String({ minLength: 3 }),
    /** `null`: the fact sheets name no article (stated, never guessed). */
    article: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
    url: Type.String({ pattern: '^https?://' }),
    lastChecked: IsoDate,
    confirmed: Type.Optional(Type.Boolean()),
    acts: Type.Optional(
      Type.Array(Type.Union([Type.Literal('wi2007'), Type.Literal('wi2013'), Type.Literal('wi2021')])),
    ),
    until: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
const SourcesSchema = Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), SourceSchema);

const ParameterSchema = Type.Object(
  {
    description: Type.String({ minLength: 10 }),
    source: Type.String(),
    values: Type.Record(IsoDate, Type.Unknown()),
  },
  { additionalProperties: false },
);
const ParametersSchema = Type.Record(Type.String(), ParameterSchema);

/** Which parameter values are dates (they are converted to PlainDate on load). */
const DATE_PARAMETERS: ReadonlySet<ParameterId> = new Set([
  'regime.wi2013.from',
  'regime.wi2021.from',
  'turkish.asylum.obligedFrom',
  'turkish.all.obligedFrom',
  'uk.transitionPeriod.lastDay',
  'diploma.nt2EntreeFull.before',
  'pvt.wi2013.from',
]);

export class ContentError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}:\n  ${problems.join('\n  ')}`);
    this.name = 'ContentError';
  }
}

function schemaProblems(schema: TSchema, value: unknown): string[] {
  if (Value.Check(schema, value)) return [];
  return [...Value.Errors(schema, value)].map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

export function readYaml(path: string): unknown {
  const parsed = fromSnapshot(path);
  if (parsed) return parsed.value;
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentError(path, [(error as Error).message]);
  }
}

/** The content half of a rule set, as parsed from YAML (validated by `buildRuleSet`). */
export interface RuleBookFiles {
  sources: unknown;
  parameters: unknown;
}

export function readRuleBookFiles(dir: string = CONTENT_DIR): RuleBookFiles {
  return {
    sources: readYaml(join(dir, 'law', 'sources.yaml')),
    parameters: readYaml(join(dir, 'rules', 'parameters.yaml')),
  };
}

/** The engine code whose change changes what rules mean: hashed into `codeVersion`. */
export const RULE_CODE_DIRS = [
  'assess.ts',
  'rulebook.ts',
  'what-would-change.ts',
  'rules',
  'engine',
  'dates',
  'facts',
];

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** src/domain, found from this file (src/adapters/content, or a bundle beside the project's src/). */
function findDomainDir(): string | undefined {
  for (let dir = fileURLToPath(new URL('.', import.meta.url)); ; ) {
    if (existsSync(join(dir, 'src', 'domain', 'assess.ts'))) return join(dir, 'src', 'domain');
    const up = resolve(dir, '..');
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * A hash of the source of the modules that interpret the rules (the engine, the derivations,
 * the date arithmetic, the fact contract and the rule modules), tests excluded. Read once at
 * load, so a code change without a content change still gives a new rulesVersion. Without the
 * sources (a bundle shipped alone), the bundle itself is hashed: it contains that code.
 */
export function ruleCodeVersion(domainDir: string | undefined = findDomainDir()): string {
  if (!domainDir) return sha(readFileSync(fileURLToPath(import.meta.url), 'utf8')).slice(0, 12);
  const files: string[] = [];
  for (const entry of RULE_CODE_DIRS) {
    const path = join(domainDir, entry);
    if (entry.endsWith('.ts')) files.push(path);
    else
      for (const e of readdirSync(path, { withFileTypes: true, recursive: true }))
        if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
          files.push(join(e.parentPath, e.name));
  }
  const hash = createHash('sha256');
  for (const file of files.map((f) => relative(domainDir, f).split(sep).join('/')).sort())
    hash.update(`${file}\0${readFileSync(join(domainDir, file), 'utf8')}\0`);
  return hash.digest('hex').slice(0, 12);
}

/** JSON with object keys sorted, so equal data always hashes the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** What a rule set is built from: the content files, the rule data, and the version of the engine code. */
export interface RuleSetInput {
  files: RuleBookFiles;
  /** The rules; default: this version's rules (src/domain/rules). */
  rules?: RuleData;
  /** Default: the hash of the engine code as it is on disk. */
  codeVersion?: string;
}

/** Written by `npm run build` beside the bundle: the code version of the sources it was built from. */
export const CODE_VERSION_FILE = 'rules-code-version.txt';

let cachedCodeVersion: string | undefined;
/**
 * The engine code's version, found once per process: from the sources when running them (tsx,
 * tests); from dist/rules-code-version.txt when running the build (it serves built files only);
 * a bundle without that file hashes itself.
 */
export function currentCodeVersion(): string {
  if (cachedCodeVersion) return cachedCodeVersion;
  const here = fileURLToPath(import.meta.url);
  const built = join(dirname(here), CODE_VERSION_FILE);
  if (!here.endsWith('.ts') && existsSync(built)) cachedCodeVersion = readFileSync(built, 'utf8').trim();
  else cachedCodeVersion = ruleCodeVersion(here.endsWith('.ts') ? findDomainDir() : undefined);
  return cachedCodeVersion;
}

/** Builds (and validates) a rule set. Two rule sets built from different inputs can run side by side. */
export function buildRuleSet(input: RuleSetInput): RuleSet {
  const codeVersion = input.codeVersion ?? currentCodeVersion();
  return buildRuleBook(input.files, PARAMETER_IDS, input.rules ?? RULES, codeVersion);
}

export function buildRuleBook(
  files: RuleBookFiles,
  expectedParameters: readonly ParameterId[],
  rules: RuleData = RULES,
  codeVersion: string = currentCodeVersion(),
): RuleSet {
  const sourceProblems = schemaProblems(SourcesSchema, files.sources);
  if (sourceProblems.length) throw new ContentError('content/law/sources.yaml', sourceProblems);
  const paramProblems = schemaProblems(ParametersSchema, files.parameters);
  if (paramProblems.length) throw new ContentError('content/rules/parameters.yaml', paramProblems);

  const rawSources = files.sources as Static<typeof SourcesSchema>;
  const sources: Record<string, LegalSource> = {};
  for (const [id, s] of Object.entries(rawSources)) {
    if (!parseIsoDate(s.lastChecked))
      throw new ContentError('content/law/sources.yaml', [`/${id}/lastChecked: not a date`]);
    sources[id] = {
      id,
      law: s.law,
      url: s.url,
      lastChecked: s.lastChecked,
      confirmed: s.confirmed ?? true,
      ...(s.article ? { article: s.article } : {}),
      ...(s.acts ? { acts: s.acts } : {}),
      ...(s.until ? { until: s.until } : {}),
    };
  }

  const rawParameters = files.parameters as Static<typeof ParametersSchema>;
  const problems: string[] = [];
  const parameters: Record<string, Parameter> = {};
  for (const [id, p] of Object.entries(rawParameters)) {
    if (!sources[p.source]) problems.push(`/${id}/source: unknown source "${p.source}"`);
    const values = Object.entries(p.values)
      .map(([from, value]) => {
        const fromDate = parseIsoDate(from);
        if (!fromDate) problems.push(`/${id}/values/${from}: not a date`);
        let v: unknown = value;
        if (DATE_PARAMETERS.has(id as ParameterId)) {
          v = typeof value === 'string' ? parseIsoDate(value) : undefined;
          if (!v) problems.push(`/${id}/values/${from}: expected a date`);
        }
        return { from: fromDate as PlainDate, value: v };
      })
      .sort((a, b) => (a.from && b.from ? a.from.toString().localeCompare(b.from.toString()) : 0));
    parameters[id] = { id, description: p.description, source: p.source, values };
  }
  for (const id of expectedParameters) if (!parameters[id]) problems.push(`/${id}: missing`);
  for (const id of Object.keys(parameters)) {
    if (!expectedParameters.includes(id as ParameterId)) problems.push(`/${id}: not a known parameter`);
  }
  if (problems.length) throw new ContentError('content/rules/parameters.yaml', problems);
  const ruleProblems = checkRules(rules, sources, parameters);
  if (ruleProblems.length) throw new ContentError('src/domain/rules', ruleProblems);

  const contentVersion = sha(
    canonical({ sources: files.sources, parameters: files.parameters, rules }),
  ).slice(0, 12);
  return {
    version: `rules-${sha(`${contentVersion}:${codeVersion}`).slice(0, 12)}`,
    contentVersion,
    codeVersion,
    sources,
    parameters: parameters as unknown as { [K in ParameterId]: Parameter<ParameterTypes[K]> },
    rules,
  };
}

/** Every source, parameter, option and fact a rule names must exist. */
function checkRules(
  rules: RuleData,
  sources: Record<string, LegalSource>,
  parameters: Record<string, Parameter>,
): string[] {
  const problems: string[] = [];
  const source = (where: string, id: string) => {
    if (!sources[id]) problems.push(`${where}: unknown source "${id}"`);
  };
  const refs = (where: string, params: Readonly<Record<string, ValueRef>> | undefined) => {
    for (const [name, ref] of Object.entries(params ?? {})) {
      if (!('parameter' in ref)) continue;
      const parameter = parameters[ref.parameter];
      if (!parameter) problems.push(`${where}/params/${name}: unknown parameter "${ref.parameter}"`);
      else if (ref.field !== undefined)
        for (const { value } of parameter.values) {
          let v: unknown = value;
          for (const part of ref.field.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
          if (typeof v !== 'number' && typeof v !== 'string')
            problems.push(`${where}/params/${name}: "${ref.parameter}" has no field "${ref.field}"`);
        }
    }
  };
  const optionIds = new Set<string>(OPTION_IDS);
  const optionsOf = (where: string, options: 'all' | readonly string[]) => {
    if (options === 'all') return;
    for (const id of options)
      if (!rules.options.some((o) => o.id === id)) problems.push(`${where}/options: no option rule "${id}"`);
  };
  const seen = new Set<string>();
  for (const r of rules.obligation) {
    const where = `obligation/${r.id}`;
    if (seen.has(r.id)) problems.push(`${where}: duplicate id`);
    seen.add(r.id);
    source(where, r.source);
    refs(where, r.params);
    optionsOf(where, r.options);
  }
  optionsOf('undecided', rules.undecided.options);
  for (const r of rules.options) {
    const where = `options/${r.id}/${r.variant}`;
    if (!optionIds.has(r.id)) problems.push(`${where}: not an option id of the contract`);
    source(where, r.source);
    for (const [name, id] of Object.entries(r.params ?? {}))
      if (!parameters[id]) problems.push(`${where}/params/${name}: unknown parameter "${id}"`);
    if (typeof r.extraTime === 'string' && r.extraTime !== 'decided-by-duo' && !parameters[r.extraTime])
      problems.push(`${where}/extraTime: unknown parameter "${r.extraTime}"`);
    // "Send the form" only with a form; an UNCONFIRMED rule is never automatic (issue 7): ask DUO.
    if (r.applyVia === 'duo-post' && !r.form)
      problems.push(`${where}/applyVia: duo-post names no form (use duo-ask-how)`);
    const doubted =
      !r.confirmed ||
      Object.values({ r: r.source, ...r.sources }).some((id) => sources[id]?.confirmed === false);
    if ((r.timing === 'automatic' || r.applyVia === 'automatic') && doubted)
      problems.push(`${where}/timing: an UNCONFIRMED rule cannot be automatic (use ask-duo)`);
  }
  for (const r of rules.consequences) {
    source(`consequences/${r.id}`, r.source);
    refs(`consequences/${r.id}`, r.params);
  }
  for (const r of rules.afterTerm) {
    source(`afterTerm/${r.id}`, r.source);
    refs(`afterTerm/${r.id}`, r.params);
  }
  for (const act of Object.values(rules.acts)) {
    source(`acts/${act.regime}`, act.source);
    source(`acts/${act.regime}`, act.termSource);
  }
  return problems;
}

/**
 * What the bundled rule set is built from, as plain JSON-safe data: store it next to a
 * rulesVersion and `buildRuleSet(stored)` rebuilds that exact rule set later (same version, same
 * answers), e.g. for the case desk's "what moved since version X" report.
 */
export function bundledRuleSetInput(dir: string = CONTENT_DIR): Required<RuleSetInput> {
  return { files: readRuleBookFiles(dir), rules: RULES, codeVersion: currentCodeVersion() };
}

let cached: RuleSet | undefined;

/** The bundled rule set (content/ and src/domain/rules), built once per process. */
export function loadRuleSet(dir: string = CONTENT_DIR): RuleSet {
  if (dir !== CONTENT_DIR) return buildRuleSet({ files: readRuleBookFiles(dir) });
  cached ??= buildRuleSet({ files: readRuleBookFiles(dir) });
  return cached;
}

/** The earlier name of `loadRuleSet`. */
export const loadRuleBook = loadRuleSet;
