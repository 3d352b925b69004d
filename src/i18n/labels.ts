/** Message keys for the answer options of the check's questions (one place, used by the web and the CLI). */
const PREFIX: Partial<Record<string, string>> = {
  permitPurpose: 'purpose',
  diplomas: 'diploma',
  circumstances: 'circumstance',
  route: 'route',
};

export function optionKey(fact: string, value: string): string {
  return `${PREFIX[fact] ?? fact}.${value}`;
}
