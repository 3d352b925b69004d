/**
 * Per act (regime): the legal source that makes it the person's act, and the source of its term.
 * The reasons `regime.<act>` and `term.<act>.<basis>` cite these.
 */
import type { Regime } from './derive.ts';

export interface ActRule {
  regime: Regime;
  /** Why this act applies (its cut-off dates and the transition between the acts). */
  source: string;
  /** How long the term is and how it is counted under this act. */
  termSource: string;
}

export const ACT_RULES: Readonly<Record<Regime, ActRule>> = {
  wi2007: { regime: 'wi2007', source: 'regime-wi2007', termSource: 'term-wi2007' },
  wi2013: { regime: 'wi2013', source: 'transition-wi2021', termSource: 'term-wi2013' },
  wi2021: { regime: 'wi2021', source: 'transition-wi2021', termSource: 'term-wi2021' },
};
