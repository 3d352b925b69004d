/**
 * Reads content/law/sources.yaml and content/rules/parameters.yaml, validates them against a
 * schema, and builds the rule book the engine uses. Content errors name the file and the path.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  type RuleBook,
} from '#domain/rulebook.ts';
import { CONTENT_DIR } from './content-paths.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const SourceSchema = Type.Object(
  {
    law: Type.String({ minLength: 3 }),
    article: Type.Optional(Type.String({ minLength: 1 })),
    url: Type.String({ pattern: '^https?://' }),
    lastChecked: IsoDate,
    confirmed: Type.Optional(Type.Boolean()),
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
  'diploma.nt2EntreeFull.before',
]);

export class ContentError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}:\n  ${problems.join('\n  ')}`);
    this.name = 'ContentError';
  }
}

function schemaProblems(schema: TSchema, value: unknown): string[] {
  return [...Value.Errors(schema, value)].map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

export function readYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentError(path, [(error as Error).message]);
  }
}

export interface RuleBookFiles {
  sources: unknown;
  parameters: unknown;
  /** Text the version hash is made from. */
  text: string;
}

export function readRuleBookFiles(dir: string = CONTENT_DIR): RuleBookFiles {
  const sourcesPath = join(dir, 'law', 'sources.yaml');
  const parametersPath = join(dir, 'rules', 'parameters.yaml');
  return {
    sources: readYaml(sourcesPath),
    parameters: readYaml(parametersPath),
    text: readFileSync(sourcesPath, 'utf8') + readFileSync(parametersPath, 'utf8'),
  };
}

export function buildRuleBook(files: RuleBookFiles, expectedParameters: readonly ParameterId[]): RuleBook {
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

  const version = createHash('sha256').update(files.text).digest('hex').slice(0, 12);
  return {
    version: `rules-${version}`,
    sources,
    parameters: parameters as unknown as { [K in ParameterId]: Parameter<ParameterTypes[K]> },
  };
}

let cached: RuleBook | undefined;

/** The bundled rule book, read once per process. */
export function loadRuleBook(dir: string = CONTENT_DIR): RuleBook {
  if (dir !== CONTENT_DIR) return buildRuleBook(readRuleBookFiles(dir), PARAMETER_IDS);
  cached ??= buildRuleBook(readRuleBookFiles(dir), PARAMETER_IDS);
  return cached;
}
