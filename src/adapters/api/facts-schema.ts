/**
 * The facts schema as TypeBox (JSON Schema 2020-12), built from the domain's plain-data
 * FACT_SCHEMA at the adapter edge so the domain stays free of libraries (ADR 004). It is the
 * request part of the OpenAPI document, limits and all; a test checks it accepts exactly what
 * the request parser accepts field by field.
 */
import Type, { type TSchema } from 'typebox';
import { EARLIEST_DATE, FACT_NAMES, FACT_SCHEMA, type FactSpec, LATEST_DATE } from '#domain/facts/facts.ts';

/** Two letters, or "stateless", in any case. */
const NATIONALITY_PATTERN = '^(?:[A-Za-z]{2}|[Ss][Tt][Aa][Tt][Ee][Ll][Ee][Ss][Ss])$';

export function factSchema(spec: FactSpec): TSchema {
  const description = spec.description;
  switch (spec.kind) {
    case 'country':
      // Any case ("sy" is read as SY); the parser also checks that the code is officially assigned.
      return Type.String({ pattern: NATIONALITY_PATTERN, description, examples: ['SY', 'stateless'] });
    case 'boolean':
      return Type.Boolean({ description });
    case 'date':
      return Type.String({
        format: 'date',
        description: `${description}. Between ${EARLIEST_DATE} and ${LATEST_DATE}.`,
        formatMinimum: EARLIEST_DATE,
        formatMaximum: LATEST_DATE,
        examples: ['2023-03-14'],
      });
    case 'choice':
      return Type.Enum([...spec.values], { description });
    case 'set':
      return Type.Array(Type.Enum([...spec.values]), { uniqueItems: true, description });
    case 'number':
      return (spec.integer ? Type.Integer : Type.Number)({
        minimum: spec.min,
        maximum: spec.max,
        description,
      });
  }
}

/** `facts` of POST /api/v1/assess: every fact optional, no others. */
export const FactsSchema = Type.Object(
  Object.fromEntries(FACT_NAMES.map((name) => [name, Type.Optional(factSchema(FACT_SCHEMA[name]))])),
  {
    additionalProperties: false,
    description:
      'Every fact is optional; an absent fact (or null) is unknown, never "no". Facts that cannot be true together ' +
      '(a permit before the birth, a PIP before the permit, more school years than the age allows; see ' +
      'docs/facts-schema.md) answer 400 with problem "inconsistent" on every field involved.',
  },
);

/** The whole request body. */
export const AssessRequestSchema = Type.Object(
  {
    asOf: Type.Optional(
      Type.String({
        format: 'date',
        description: 'Reference date; default today in Europe/Amsterdam; at most 50 years from today',
        formatMinimum: EARLIEST_DATE,
        examples: ['2026-11-28'],
      }),
    ),
    facts: Type.Optional(FactsSchema),
  },
  { additionalProperties: false },
);
