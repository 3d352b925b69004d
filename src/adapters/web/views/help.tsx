/** Whom to ask: DUO (with phone hours and "open now"), the municipality, VluchtelingenWerk, schools, local help. */
import type { Contacts } from '#adapters/content/load-contacts.ts';
import { openingStatus } from '#domain/calendar/opening-hours.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import type { Translator } from '#i18n/translate.ts';
import { Page, type PageContext } from './layout.tsx';

export interface Now {
  date: PlainDate;
  time: string;
}

function OpenNow({ t, hours, now }: { t: Translator; hours: Contacts['local'][number]['hours']; now: Now }) {
  const s = openingStatus(hours, now.date, now.time);
  return (
    <p class={s.open ? 'open-now open' : 'open-now closed'}>
      <strong>{s.open ? t.t('ui.help.openNow') : t.t('ui.help.closedNow')}</strong>
      {!s.open && s.next && (
        <>
          {' · '}
          {t.t('ui.help.nextOpen', { when: `${t.date(s.next.date)} ${s.next.time}` })}
        </>
      )}
    </p>
  );
}

export function HelpDirectory({
  t,
  contacts,
  now,
  headingLevel = 2,
}: {
  t: Translator;
  contacts: Contacts;
  now: Now;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const { duo, ombudsman, juridischLoket, schoolFinder } = contacts.national;
  const tel = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;
  const fresh = contacts.local.filter((l) => now.date.since(l.lastChecked).days <= 366);
  return (
    <div class="help">
      <section class="card">
        <H>{t.t('ui.help.duo.title')}</H>
        <p>
          <a href={tel(duo.phone)}>
            {t.t('ui.help.duo.phone', { phone: duo.phone, phoneAbroad: duo.phoneAbroad })}
          </a>
        </p>
        <p>{t.t('ui.help.duo.hours', { open: '9:00', close: '17:00' })}</p>
        <OpenNow t={t} hours={duo.hours} now={now} />
        <p>{t.t('ui.help.duo.post', { address: duo.post })}</p>
        <p>
          {t.t('ui.help.duo.online')} <a href={duo.url}>{duo.url.replace('https://', '')}</a>
        </p>
        <p class="small">{t.t('ui.help.duo.noEmail')}</p>
      </section>
      <section class="card">
        <H>{t.t('ui.help.municipality.title')}</H>
        <p>{t.t('ui.help.municipality.text')}</p>
      </section>
      <section class="card">
        <H>{t.t('ui.help.vwn.title')}</H>
        <p>{t.t('ui.help.vwn.text')}</p>
      </section>
      <section class="card">
        <H>{t.t('ui.help.school.title')}</H>
        <p>
          {t.t('ui.help.school.text')} <a href={schoolFinder.url}>zoekinburgerschool.nl</a>
        </p>
        <p class="caution">{t.t('ui.help.school.caution')}</p>
      </section>
      <section class="card">
        <H>{t.t('ui.help.ombudsman.title')}</H>
        <p>
          {t.t('ui.help.ombudsman.text', { phone: ombudsman.phone })}{' '}
          <a href={ombudsman.url}>nationaleombudsman.nl</a>
        </p>
      </section>
      <section class="card">
        <H>{t.t('ui.help.legal.title')}</H>
        <p>
          {t.t('ui.help.legal.text', { phone: juridischLoket.phone })}{' '}
          <a href={juridischLoket.url}>juridischloket.nl</a>
        </p>
      </section>
      {fresh.length > 0 && (
        <section class="card">
          <H>{t.t('ui.help.local.title')}</H>
          <ul>
            {fresh.map((l) => (
              <li key={l.id}>
                <strong>{l.name}</strong>
                {l.address && <span dir="auto">{` · ${l.address}`}</span>}
                {l.phone && (
                  <>
                    {' · '}
                    <a href={tel(l.phone)}>
                      <bdi dir="ltr">{l.phone}</bdi>
                    </a>
                  </>
                )}
                <OpenNow t={t} hours={l.hours} now={now} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function HelpPage({ ctx, contacts, now }: { ctx: PageContext; contacts: Contacts; now: Now }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('ui.help.title')}>
      <h1>{t.t('ui.help.title')}</h1>
      <p>{t.t('ui.help.intro')}</p>
      <HelpDirectory t={t} contacts={contacts} now={now} />
    </Page>
  );
}
