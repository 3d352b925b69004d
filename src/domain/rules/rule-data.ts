/**
 * The rules of this version of Wegwijs, gathered as one value. An adapter puts them in a rule set
 * with the parameters and sources from content/; a rule set built from other rule data (a proposed
 * change, an older version) runs side by side with this one.
 */
import type { RuleData } from '../rulebook.ts';
import { ACT_RULES } from './acts.ts';
import { AFTER_TERM_RULES } from './after-term.ts';
import { CONSEQUENCE_RULES } from './consequences.ts';
import { OBLIGATION_RULES, UNDECIDED } from './obligation.ts';
import { OPTION_RULES } from './options.ts';

export const RULES: RuleData = {
  obligation: OBLIGATION_RULES,
  undecided: UNDECIDED,
  options: OPTION_RULES,
  consequences: CONSEQUENCE_RULES,
  acts: ACT_RULES,
  afterTerm: AFTER_TERM_RULES,
};
