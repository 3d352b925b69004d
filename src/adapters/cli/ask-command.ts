/**
 * `wegwijs ask "TEXT" [--lang CODE] [--json] [--limit N]`: the same answer as
 * GET /api/v1/search, as text (default) or as the API's JSON.
 */
import type { Command } from 'commander';
import { translator } from '#adapters/content/load-messages.ts';
import { loadSearchIndex } from '#adapters/content/load-search.ts';
import { isLocale } from '#i18n/locales.ts';
import { DEFAULT_LIMIT, runSearch } from '#search/request.ts';
import type { SearchIndex, SearchResponse } from '#search/search-index.ts';
import type { Io } from './assess-command.ts';

export interface AskOptions {
  lang?: string;
  limit?: string | number;
  json?: boolean;
}

/** The topic to point to when no answer fits: where to ask a person. */
const HELP_TOPIC = 'help-where';

/** Returns the exit code: 0 answered (confident or not), 2 bad input. */
export function askCommand(text: string, options: AskOptions, index: SearchIndex, io: Io): number {
  const outcome = runSearch(index, { q: text, lang: options.lang, limit: options.limit ?? DEFAULT_LIMIT });
  if (!outcome.ok) {
    if (options.json) io.err(JSON.stringify({ error: 'invalid-query', fields: outcome.problems }, null, 2));
    else for (const p of outcome.problems) io.err(`wegwijs ask: ${p.field}: ${p.message}`);
    return 2;
  }
  io.out(options.json ? JSON.stringify(outcome.response, null, 2) : formatAnswer(outcome.response, index));
  return 0;
}

export function formatAnswer(response: SearchResponse, index: SearchIndex): string {
  const lines: string[] = [];
  const lang = response.lang;
  if (!response.confident) {
    const titles = index.data.titles[HELP_TOPIC];
    const helpLang = titles?.[lang] ? lang : 'en';
    // The texts of the search page, in the answers' language.
    const t = translator(isLocale(lang) ? lang : 'en');
    lines.push(t.t('ui.search.notSure'));
    lines.push(`  ${titles?.[helpLang] ?? HELP_TOPIC}`);
    lines.push(`  /${helpLang}/kb/${HELP_TOPIC}`);
    if (response.results.length) lines.push('', `${t.t('ui.search.title')}:`);
  }
  response.results.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.title}`);
    lines.push(`   ${r.url}  (${r.topic}, ${r.score.toFixed(2)})`);
  });
  return lines.join('\n');
}

/** Adds `ask` to the `wegwijs` program; the index is built when the command runs. */
export function registerAskCommand(
  program: Command,
  io: Io,
  index: () => SearchIndex = loadSearchIndex,
): void {
  program
    .command('ask')
    .description(
      'answer a question from the knowledge base, in any supported language (as GET /api/v1/search)',
    )
    .argument('<text>', 'the question, in quotes')
    .option(
      '--lang <code>',
      'language of the answers: nl, en, ar, tr, ti, fa, uk or so (default: that of the question)',
    )
    .option('--limit <n>', `how many answers (default ${DEFAULT_LIMIT})`)
    .option('--json', 'print the JSON of GET /api/v1/search')
    .action((text: string, options: AskOptions) => {
      process.exitCode = askCommand(text, options, index(), io);
    });
}
