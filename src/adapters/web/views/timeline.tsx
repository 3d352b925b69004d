/**
 * The person's term as a picture: one line from the start to the end (and any extra time the
 * options could add), with the apply-from date and today on it. Server-rendered SVG, so it needs
 * no script, prints, and ends up in the PDF. The same dates stand in text beside it: the picture
 * helps, the text is the answer. Mirrored for right-to-left reading.
 */
import type { Assessment } from '#domain/assess.ts';
import { compare, maxDate, minDate, type PlainDate, plus } from '#domain/dates/plain-date.ts';
import type { Translator } from '#i18n/translate.ts';

export type MarkKind = 'start' | 'applyFrom' | 'today' | 'end' | 'extra';

export interface Mark {
  kind: MarkKind;
  date: PlainDate;
  /** Position on the line, 0 (first date) … 1 (last date), in reading order. */
  at: number;
  /** Label row: 0 above the line, 1 below, 2 further below (when labels would overlap). */
  row: number;
}

export interface TimelineModel {
  marks: Mark[];
  passed: boolean;
  /** The end with the most fixed extra time any open option gives; null when none. */
  extendedEnd: PlainDate | null;
}

/** The longest fixed extra time an option can still give (not "DUO decides", not after the term). */
export function extendedEnd(a: Assessment): PlainDate | null {
  if (!a.termEnd || a.termPassed) return null;
  let best: PlainDate | null = null;
  for (const o of a.options) {
    const x = o.extraTime;
    if (!x || x.rule || (!x.years && !x.months && !x.weeks && !x.maxMonths)) continue;
    const end = plus(a.termEnd, {
      years: x.years ?? 0,
      months: x.maxMonths ?? x.months ?? 0,
      weeks: x.weeks ?? 0,
    });
    if (!best || compare(end, best) > 0) best = end;
  }
  return best;
}

/** Where each date sits on the line; null when the assessment has no term to draw. */
export function timelineModel(a: Assessment, today: PlainDate): TimelineModel | null {
  if (!a.termStart || !a.termEnd) return null;
  const extra = extendedEnd(a);
  const first = minDate(a.termStart, today);
  const last = maxDate(maxDate(a.termEnd, extra ?? a.termEnd), today);
  const span = Math.max(1, first.until(last, { largestUnit: 'days' }).days);
  const at = (d: PlainDate) => first.until(d, { largestUnit: 'days' }).days / span;
  const dated: { kind: MarkKind; date: PlainDate }[] = [
    { kind: 'start', date: a.termStart },
    ...(a.applyFrom && !a.termPassed ? [{ kind: 'applyFrom' as const, date: a.applyFrom }] : []),
    { kind: 'end', date: a.termEnd },
    ...(extra ? [{ kind: 'extra' as const, date: extra }] : []),
    { kind: 'today', date: today },
  ];
  const marks = dated
    .map((m) => ({ ...m, at: at(m.date), row: 0 }))
    .sort((x, y) => x.at - y.at || (x.kind === 'today' ? 1 : -1));
  // Labels take about a quarter of the line each: put a label on the first row where it fits.
  const MIN_GAP = 0.26;
  const lastAtOnRow: number[] = [];
  for (const m of marks) {
    let row = 0;
    while (lastAtOnRow[row] !== undefined && m.at - (lastAtOnRow[row] as number) < MIN_GAP) row++;
    m.row = Math.min(row, 2);
    lastAtOnRow[m.row] = m.at;
  }
  return { marks, passed: a.termPassed === true, extendedEnd: extra };
}

const W = 320;
const PAD = 28;
const LINE_Y = 40;
const LABEL_Y = [22, 64, 84] as const;

export function TermTimeline(props: { t: Translator; model: TimelineModel; rtl: boolean }) {
  const { t, model, rtl } = props;
  const x = (at: number) => {
    const v = PAD + at * (W - 2 * PAD);
    return rtl ? W - v : v;
  };
  const mark = (kind: MarkKind) => model.marks.find((m) => m.kind === kind);
  const start = mark('start') as Mark;
  const end = mark('end') as Mark;
  const today = mark('today') as Mark;
  const extra = mark('extra');
  const label = (kind: MarkKind) => t.t(`ui.timeline.${kind}`);
  // The picture is laid out left to right (direction="ltr", mirrored by x above), so anchors are
  // visual: labels near an edge grow inwards.
  const anchor = (at: number) => {
    const v = x(at) / W;
    return v < 0.15 ? 'start' : v > 0.85 ? 'end' : 'middle';
  };
  const desc = t.t(model.passed ? 'ui.timeline.descPassed' : 'ui.timeline.desc', {
    start: t.date(start.date),
    end: t.date(end.date),
    today: t.date(today.date),
  });
  return (
    <figure class="timeline">
      <svg
        viewBox={`0 0 ${W} 100`}
        role="img"
        aria-labelledby="timeline-title timeline-desc"
        focusable="false"
        class="timeline-svg"
        direction="ltr"
      >
        <title id="timeline-title">{t.t('ui.timeline.title')}</title>
        <desc id="timeline-desc">{desc}</desc>
        <line class="tl-line-term" x1={x(start.at)} y1={LINE_Y} x2={x(end.at)} y2={LINE_Y} />
        {extra && <line class="tl-line-extra" x1={x(end.at)} y1={LINE_Y} x2={x(extra.at)} y2={LINE_Y} />}
        {model.passed && (
          <line class="tl-line-late" x1={x(end.at)} y1={LINE_Y} x2={x(today.at)} y2={LINE_Y} />
        )}
        {model.marks.map((m) => (
          <g class={`tl-mark tl-${m.kind}`} key={m.kind}>
            {m.kind === 'today' ? (
              <path d={`M${x(m.at)} ${LINE_Y - 6} l-6 -10 h12 z`} />
            ) : (
              <circle cx={x(m.at)} cy={LINE_Y} r={m.kind === 'end' ? 7 : 5} />
            )}
            <text x={x(m.at)} y={LABEL_Y[m.row]} text-anchor={anchor(m.at)}>
              {label(m.kind)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul class="timeline-list">
          {model.marks.map((m) => (
            <li key={m.kind} class={`tl-item tl-${m.kind}`}>
              {m.kind === 'extra' ? t.t('ui.timeline.extraLong') : label(m.kind)}: <bdi>{t.date(m.date)}</bdi>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
