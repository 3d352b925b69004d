/** Reads content/contacts (national contacts from the fact sheets, local help added by organisations). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Type, { type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { CONTENT_DIR } from './content-paths.ts';
import { ContentError, readYaml } from './load-rulebook.ts';

const Hours = Type.Array(
  Type.Object({
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1 }),
    open: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
    close: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  }),
);
const Checked = {
  source: Type.String({ pattern: '^https://' }),
  lastChecked: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
};

const NationalSchema = Type.Object({
  duo: Type.Object({
    phone: Type.String(),
    phoneAbroad: Type.String(),
    hours: Hours,
    post: Type.String(),
    url: Type.String(),
    ...Checked,
  }),
  ombudsman: Type.Object({ phone: Type.String(), url: Type.String(), ...Checked }),
  juridischLoket: Type.Object({ phone: Type.String(), url: Type.String(), ...Checked }),
  schoolFinder: Type.Object({ url: Type.String(), ...Checked }),
});

const LocalSchema = Type.Object(
  {
    name: Type.String({ minLength: 3 }),
    organisation: Type.String(),
    place: Type.String(),
    address: Type.Optional(Type.String()),
    phone: Type.Optional(Type.String()),
    url: Type.Optional(Type.String({ pattern: '^https://' })),
    hours: Hours,
    lastChecked: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  },
  { additionalProperties: false },
);

export type NationalContacts = Static<typeof NationalSchema>;
export type LocalHelp = Static<typeof LocalSchema> & { id: string };

export interface Contacts {
  national: NationalContacts;
  local: LocalHelp[];
}

function check<T>(schema: TSchema, value: unknown, file: string): T {
  if (!Value.Check(schema, value)) {
    throw new ContentError(
      file,
      [...Value.Errors(schema, value)].map((e) => `${e.instancePath || '/'}: ${e.message}`),
    );
  }
  return value as T;
}

export function loadContacts(dir: string = CONTENT_DIR): Contacts {
  const nationalFile = join(dir, 'contacts', 'national.yaml');
  const national = check<NationalContacts>(NationalSchema, readYaml(nationalFile), nationalFile);
  const localDir = join(dir, 'contacts', 'local');
  const local = existsSync(localDir)
    ? readdirSync(localDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => ({
          ...check<Static<typeof LocalSchema>>(LocalSchema, readYaml(join(localDir, f)), join(localDir, f)),
          id: f.replace(/\.yaml$/, ''),
        }))
    : [];
  return { national, local };
}
