/** The `wegwijs` command: thin commands over the same engine as the web app and the API. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command, InvalidArgumentError } from 'commander';
import { registerAskCommand } from '#adapters/cli/ask-command.ts';
import { assessCommand } from '#adapters/cli/assess-command.ts';
import { checkCommand } from '#adapters/cli/check-command.ts';
import { flowGraph } from '#adapters/cli/flow-command.ts';
import { formatRuleBook, ruleBookEntries } from '#adapters/cli/rules-command.ts';
import { useContentSnapshot } from '#adapters/content/content-snapshot.ts';
import { translator } from '#adapters/content/load-messages.ts';
import { ContentError, loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { readSearchIndexFile } from '#adapters/content/search-index-file.ts';
import { type PlainDate, parseIsoDate } from '#domain/dates/plain-date.ts';
import { isLocale, type Locale } from '#i18n/locales.ts';
import { amsterdamToday } from './clock.ts';
import { DIST_DIR } from './dist.ts';

// From a build: the parsed content and the built search index, instead of parsing and building.
if (DIST_DIR) useContentSnapshot(join(DIST_DIR, 'content.json'));
const searchIndex = DIST_DIR ? () => readSearchIndexFile(join(DIST_DIR!, 'search', 'index.json')) : undefined;

import { registerDeskCommands } from './desk-cli.ts';

const io = {
  out: (s: string) => process.stdout.write(`${s}\n`),
  err: (s: string) => process.stderr.write(`${s}\n`),
};

function asDate(value: string): PlainDate {
  const d = parseIsoDate(value);
  if (!d) throw new InvalidArgumentError('use a calendar date YYYY-MM-DD');
  return d;
}

function asLang(allowed: readonly Locale[]) {
  return (value: string): Locale => {
    if (!isLocale(value) || !allowed.includes(value))
      throw new InvalidArgumentError(`use one of ${allowed.join(', ')}`);
    return value;
  };
}

const program = new Command()
  .name('wegwijs')
  .description('Civic integration (inburgering) in the Netherlands: the law as code, with sources.')
  .showHelpAfterError();

program
  .command('assess')
  .description('assess one person from a JSON request (as POST /api/v1/assess); - reads standard input')
  .argument('<file>', 'JSON file with { "asOf": "YYYY-MM-DD", "facts": { ... } }, or -')
  .option('--include <parts>', 'parts to add to the answer, separated by commas: whatWouldChange')
  .action((file: string, opts: { include?: string }) => {
    process.exitCode = assessCommand(
      file,
      loadRuleBook(),
      amsterdamToday(),
      io,
      () => readFileSync(0, 'utf8'),
      opts.include,
    );
  });

program
  .command('check')
  .description('the guided check in the terminal: answers a few questions, then explains the result')
  .option('--lang <lang>', 'language: nl or en', asLang(['nl', 'en']), 'en' as Locale)
  .option('--as-of <date>', 'reference date (default: today in the Netherlands)', asDate)
  .action(async (opts: { lang: Locale; asOf?: PlainDate }) => {
    const rl = createInterface({ input: process.stdin, terminal: false });
    // The line iterator buffers piped input, so answers typed ahead are not lost.
    const lines = rl[Symbol.asyncIterator]();
    const ask = async (prompt: string) => {
      process.stdout.write(prompt);
      const next = await lines.next();
      return next.done ? undefined : String(next.value);
    };
    const write = (s: string) => process.stdout.write(s);
    const facts = await checkCommand(
      ask,
      loadRuleBook(),
      opts.asOf ?? amsterdamToday(),
      translator(opts.lang),
      write,
    );
    rl.close();
    if (!facts) {
      io.err('\nwegwijs: the input ended before the last question; nothing was saved.');
      process.exitCode = 130;
    }
  });

program
  .command('rules')
  .description('the rule book: every rule and parameter with its legal source and last-checked date')
  .option('--json', 'print JSON')
  .option('--lang <lang>', 'language of the rule texts: nl or en', asLang(['nl', 'en']), 'en' as Locale)
  .action((opts: { json?: boolean; lang: Locale }) => {
    const book = loadRuleBook();
    const entries = ruleBookEntries(book, translator(opts.lang));
    io.out(
      opts.json
        ? JSON.stringify({ rulesVersion: book.version, entries }, null, 2)
        : formatRuleBook(entries, book.version),
    );
  });

program
  .command('flow')
  .description('the graph of questions the guided check can ask, derived from the rules')
  .option('--format <format>', 'mermaid or dot', 'mermaid')
  .option('--as-of <date>', 'reference date', asDate)
  .action((opts: { format: string; asOf?: PlainDate }) => {
    if (opts.format !== 'mermaid' && opts.format !== 'dot') {
      io.err('wegwijs: --format must be mermaid or dot');
      process.exitCode = 2;
      return;
    }
    io.out(flowGraph(loadRuleBook(), opts.asOf ?? amsterdamToday(), opts.format));
  });

registerAskCommand(program, io, searchIndex);
registerDeskCommands(program, io);

try {
  await program.parseAsync();
} catch (error) {
  io.err(
    error instanceof ContentError
      ? `wegwijs: the content has errors:\n${error.message}`
      : `wegwijs: ${(error as Error).message}`,
  );
  process.exitCode = 1;
}
