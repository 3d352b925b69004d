/**
 * The OpenAPI 3.1 document served at /api/v1/openapi.json. The request body is generated from the
 * facts schema (facts-schema.ts, built from FACT_SCHEMA); the response is written from the contract.
 */
import { OBLIGATIONS } from '#domain/rules/obligation.ts';
import { APPLY_VIA, OPTION_IDS, TIMINGS } from '#domain/rules/options.ts';
import { AssessRequestSchema } from './facts-schema.ts';

const nullableDate = { type: ['string', 'null'], format: 'date' };

/** One option of the answer: in `options` and, once its window has closed, in `closedOptions`. */
const optionSchema = {
  type: 'object',
  required: ['id', 'decidedBy'],
  properties: {
    id: { type: 'string', enum: OPTION_IDS },
    decidedBy: { type: 'string', enum: ['DUO', 'municipality', 'IND'] },
    timing: {
      type: 'string',
      enum: TIMINGS,
      description:
        '`automatic`: DUO acts without an application (confirmed rules only); `ask-duo`: the rule is not published, ask DUO whether it applies',
    },
    availableFrom: nullableDate,
    availableUntil: nullableDate,
    closed: { type: ['string', 'null'], enum: ['term-ended', null] },
    canApplyNow: { type: 'boolean' },
    evidence: { type: 'array', items: { type: 'string' } },
    form: { type: ['string', 'null'] },
    applyVia: { type: 'string', enum: APPLY_VIA },
    confirmed: { type: 'boolean' },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Wegwijs API',
    version: '1.0.0',
    description:
      'Civic integration (inburgering) in the Netherlands: the Wet inburgering 2013 and 2021 as tested, cited rules. ' +
      'The answers say who decides (DUO, the municipality, the IND); they never decide for them.',
  },
  paths: {
    '/api/v1/assess': {
      post: {
        summary: 'What civic integration means for one person on a date',
        parameters: [
          {
            name: 'include',
            in: 'query',
            required: false,
            description:
              'Parts to add to the answer, separated by commas. `whatWouldChange`: the plausible changes ' +
              '(a Dutch diploma, a medical limitation, ...) that would change the obligation or open an option; ' +
              'it re-assesses the person several times, so it is made only when asked for.',
            schema: { type: 'string', pattern: '^(whatWouldChange)?(,whatWouldChange)*$' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: AssessRequestSchema,
            },
          },
        },
        responses: {
          '200': {
            description: 'The assessment',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: [
                    'regime',
                    'obligation',
                    'termStart',
                    'termEnd',
                    'applyFrom',
                    'options',
                    'closedOptions',
                    'missing',
                    'reasons',
                    'rulesVersion',
                  ],
                  properties: {
                    regime: { type: ['string', 'null'], enum: ['wi2021', 'wi2013', 'wi2007', null] },
                    obligation: { type: 'string', enum: OBLIGATIONS },
                    termStart: nullableDate,
                    termEnd: nullableDate,
                    applyFrom: nullableDate,
                    termEndBasis: {
                      type: ['string', 'null'],
                      enum: ['duo-letter', 'computed', 'estimate', null],
                    },
                    options: {
                      type: 'array',
                      description:
                        'The routes the person may take now or later (one whose window has closed is in `closedOptions`)',
                      items: optionSchema,
                    },
                    closedOptions: {
                      type: 'array',
                      description:
                        'Routes whose window has closed (an extension once the term has ended): `closed` and `availableUntil` say since when',
                      items: optionSchema,
                    },
                    missing: { type: 'array', items: { type: 'string' } },
                    obligationMissing: {
                      type: 'array',
                      items: { type: 'string' },
                      description:
                        'The missing facts that could settle `obligation`. Empty while `obligation` is `unknown`: the rules leave it open (ask DUO).',
                    },
                    reasons: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          rule: { type: 'string' },
                          status: { type: 'string', enum: ['applies', 'possible'] },
                          source: {
                            type: 'object',
                            properties: {
                              law: { type: 'string' },
                              article: { type: 'string' },
                              url: { type: 'string' },
                              lastChecked: { type: 'string', format: 'date' },
                            },
                          },
                        },
                      },
                    },
                    consequences: { type: 'array', items: { type: 'object' } },
                    whatWouldChange: {
                      type: 'array',
                      description: 'Only with `include=whatWouldChange`',
                      items: {
                        type: 'object',
                        properties: {
                          id: { type: 'string' },
                          obligation: { type: 'string', enum: OBLIGATIONS },
                          newOptions: { type: 'array', items: { type: 'string', enum: OPTION_IDS } },
                          params: { type: 'object', additionalProperties: { type: 'number' } },
                        },
                      },
                    },
                    rulesVersion: { type: 'string' },
                  },
                },
              },
            },
          },
          '400': {
            description:
              'The body does not fit the contract, or its facts cannot be true together; every bad field is named',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
    '/api/v1/search': {
      get: {
        summary: 'Find answers in the knowledge base for a question typed in any supported language',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            schema: { type: 'string', minLength: 1, maxLength: 500 },
          },
          {
            name: 'lang',
            in: 'query',
            required: false,
            description:
              'Any BCP 47 language tag (pt-BR, fa-AF, prs, ku, zh-Hans, am ...): the answers come in the ' +
              'best supported language, named in the response with `fallback: true` when it is not the one asked for',
            schema: { type: 'string', maxLength: 64, example: 'fa-AF' },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 50 },
          },
        ],
        responses: {
          '200': {
            description: 'Answers, best first; confident is false when none fits well enough',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['query', 'lang', 'fallback', 'results', 'confident'],
                  properties: {
                    query: { type: 'string' },
                    lang: { type: 'string', description: 'The language the answers are in' },
                    requestedLang: { type: 'string', description: 'The lang tag of the request, when given' },
                    fallback: {
                      type: 'boolean',
                      description:
                        'True when lang is not the language asked for: a related language (Dari → fa, ' +
                        'Moroccan Arabic → ar), the language of the question, or English',
                    },
                    confident: { type: 'boolean' },
                    results: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['topic', 'title', 'lang', 'url', 'score'],
                        properties: {
                          topic: { type: 'string' },
                          title: { type: 'string' },
                          lang: { type: 'string' },
                          url: { type: 'string' },
                          score: { type: 'number' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            description:
              'Empty, over-long or unreadable question, a lang that is not a language tag, or a bad limit',
          },
        },
      },
    },
    '/healthz': { get: { summary: 'Ready check', responses: { '200': { description: 'ready' } } } },
  },
  components: {
    schemas: {
      Error: {
        type: 'object',
        required: ['error', 'message', 'fields'],
        properties: {
          error: {
            type: 'string',
            enum: ['invalid-request', 'inconsistent'],
            description: '`inconsistent` when every problem is facts that cannot be true together',
          },
          message: { type: 'string' },
          fields: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                field: { type: 'string', examples: ['facts.permitDate'] },
                problem: {
                  type: 'string',
                  enum: [
                    'unknown-field',
                    'wrong-type',
                    'not-a-date',
                    'date-out-of-range',
                    'unknown-value',
                    'out-of-range',
                    'duplicate-value',
                    'inconsistent',
                  ],
                },
                message: { type: 'string' },
                rule: {
                  type: 'string',
                  description: 'For inconsistent: the consistency rule (docs/facts-schema.md)',
                },
                with: {
                  type: 'array',
                  items: { type: 'string' },
                  description: 'For inconsistent: every field involved',
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
