/**
 * Who may see and do what, in one place: every desk query is narrowed by `scopeOf(user)`, and
 * every action is checked with `may(user, action)`. A helper works in their own team; a
 * coordinator and an admin see every team of their organisation; nothing crosses organisations.
 */
import type { Role, Scope, User } from './model.ts';

export type DeskAction =
  | 'people.read'
  | 'people.write'
  | 'people.erase'
  | 'impact.read'
  | 'calendar.read'
  /** See the organisation's accounts, disable and enable them (the accounts page). */
  | 'accounts.manage';

const ALLOWED: Record<Role, readonly DeskAction[]> = {
  helper: ['people.read', 'people.write', 'people.erase', 'impact.read', 'calendar.read'],
  coordinator: ['people.read', 'people.write', 'people.erase', 'impact.read', 'calendar.read'],
  admin: ['people.read', 'impact.read', 'calendar.read', 'accounts.manage'],
};

export function may(user: User, action: DeskAction): boolean {
  return ALLOWED[user.role].includes(action);
}

export function scopeOf(user: User): Scope {
  return { org: user.org, teamIds: user.role === 'helper' ? [user.teamId] : null };
}

/** Whether a record of this organisation and team lies in the scope. */
export function inScope(scope: Scope, org: string, teamId: string): boolean {
  return scope.org === org && (scope.teamIds === null || scope.teamIds.includes(teamId));
}
