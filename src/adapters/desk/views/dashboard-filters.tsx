/**
 * The dashboard's filters: a plain GET form (no script), each choice a labelled select. Team only
 * for a coordinator or an admin (a helper sees one team); "added by" lists only the accounts the
 * caller may see; due within a window of days (or due now / overdue); the act.
 */
import type { DeskContext } from './desk-layout.tsx';

export interface DashboardFilter {
  due?: string;
  act?: string;
  team?: string;
  helper?: string;
}

export interface FilterChoices {
  /** Empty for a helper: no team filter. */
  teams: { id: string; name: string }[];
  helpers: { id: string; name: string }[];
}

export const DUE_WINDOWS = ['0', '7', '30', '90', '180', '365'] as const;
export const ACTS = ['wi2021', 'wi2013', 'wi2007'] as const;

function Select(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: [value: string, label: string][];
}) {
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id} class="utrecht-select utrecht-select--html-select">
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={(props.value ?? '') === value}>
            {label}
          </option>
        ))}
      </select>
    </p>
  );
}

export function DashboardFilters(props: {
  ctx: DeskContext;
  filter: DashboardFilter;
  choices: FilterChoices;
  /** The signed-in account's id ("me" in the list of who added people). */
  me: string;
}) {
  const { ctx, filter, choices, me } = props;
  const { t } = ctx;
  const all = t.t('desk.filter.all');
  return (
    <form method="get" action={`/desk/${ctx.locale}/`} class="desk-filters">
      <Select
        id="due"
        label={t.t('desk.filter.due')}
        value={filter.due}
        options={[
          ['', all],
          ...DUE_WINDOWS.map((d): [string, string] => [
            d,
            d === '0' ? t.t('desk.filter.dueNow') : t.t('desk.filter.dueDays', { days: Number(d) }),
          ]),
        ]}
      />
      <Select
        id="act"
        label={t.t('desk.filter.act')}
        value={filter.act}
        options={[['', all], ...ACTS.map((a): [string, string] => [a, t.t(`regime.${a}`)])]}
      />
      {choices.teams.length > 1 && (
        <Select
          id="team"
          label={t.t('desk.filter.team')}
          value={filter.team}
          options={[['', all], ...choices.teams.map((x): [string, string] => [x.id, x.name])]}
        />
      )}
      {choices.helpers.length > 1 && (
        <Select
          id="helper"
          label={t.t('desk.filter.helper')}
          value={filter.helper}
          options={[
            ['', t.t('desk.filter.anyone')],
            ...choices.helpers.map((h): [string, string] => [
              h.id,
              h.id === me ? t.t('desk.filter.me', { name: h.name }) : h.name,
            ]),
          ]}
        />
      )}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action button">
        {t.t('desk.filter.apply')}
      </button>
    </form>
  );
}
