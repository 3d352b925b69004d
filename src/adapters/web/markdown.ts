/**
 * Knowledge-base Markdown to HTML: raw HTML off (content never carries HTML), `topic:<id>` links
 * turned into the topic's page in the reader's language, `check:` into the guided check, and
 * outside links marked as such. Numbers written in the prose (phone numbers, amounts, postcodes)
 * are marked left-to-right, so the page draws them in order in Arabic and Farsi (isolate.ts).
 */
import MarkdownIt from 'markdown-it';
import { markLiteralNumbers } from '#i18n/isolate.ts';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Allow our own link schemes through markdown-it's URL validation.
const defaultValidate = md.validateLink.bind(md);
md.validateLink = (url) => /^(topic|check):/.test(url) || defaultValidate(url);

export function renderMarkdown(text: string, locale: string): string {
  const env = { locale };
  return md.render(text, env);
}

md.renderer.rules.text = (tokens, idx) => md.utils.escapeHtml(markLiteralNumbers(tokens[idx]!.content));
md.renderer.rules.code_inline = (tokens, idx) =>
  `<code>${md.utils.escapeHtml(markLiteralNumbers(tokens[idx]!.content))}</code>`;

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  const locale = (env as { locale?: string } | undefined)?.locale ?? 'en';
  if (href.startsWith('topic:')) token.attrSet('href', `/${locale}/kb/${encodeURIComponent(href.slice(6))}`);
  else if (href.startsWith('check:')) token.attrSet('href', `/${locale}/check`);
  else if (/^https?:/.test(href)) token.attrSet('rel', 'noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};
