/**
 * The read-aloud control (driven by assets/app.js, hidden without JavaScript). It reads the part
 * of the page named by `read` piece by piece, with a pause between pieces, and never reads a long
 * list: for a list it says how to choose. Where the phone has no voice for the page's language,
 * the button stays and opens help: the phone's own screen reader, or the same text read in a
 * second language the person picks.
 */
import { LOCALES, nativeName } from '#i18n/locales.ts';
import type { PageContext } from './layout.tsx';

export function ReadAloud({ ctx, read }: { ctx: PageContext; read: string }) {
  const { t, locale } = ctx;
  return (
    <div class="read-aloud-box no-print">
      <button
        type="button"
        class="utrecht-button utrecht-button--secondary-action button read-aloud"
        data-read={read}
        data-stop={t.t('ui.result.stopReading')}
        data-list-hint={t.t('ui.readAloud.listHint')}
        aria-expanded="false"
        aria-controls="read-aloud-help"
        hidden
      >
        {t.t('ui.result.readAloud')}
      </button>
      <div class="read-aloud-help card" id="read-aloud-help" hidden>
        <p>{t.t('ui.readAloud.noVoice')}</p>
        <p>{t.t('ui.readAloud.screenReader')}</p>
        <p class="read-aloud-second-row" hidden>
          <label for="read-aloud-second">{t.t('ui.readAloud.second')}</label>{' '}
          <select id="read-aloud-second" class="utrecht-select utrecht-select--html-select read-aloud-second">
            {LOCALES.filter((l) => l !== locale).map((l) => (
              <option key={l} value={l} lang={l}>
                {nativeName(l)}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action button read-aloud-second-go"
          >
            {t.t('ui.readAloud.listen')}
          </button>
        </p>
      </div>
    </div>
  );
}
