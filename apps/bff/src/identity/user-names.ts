import type { SessionUser } from '../session/session-data.js';

/**
 * The user a name and realm from a sign-in mean, as privacyIDEA will see them, or undefined when that cannot be
 * told. privacyIDEA splits `bob@example` into user `bob` of realm `example` when `example` is one of its realms
 * (`lib/user.py` `split_user`), and keeps `bob@example.org` whole otherwise. The BFF cannot know the realm list, so:
 * - with a realm (PI_REALM, or a launch token's `realm` claim), `name@<that realm>` is that user, any other name
 *   with an `@` stays whole (an e-mail-like login name), and privacyIDEA is always sent the realm;
 * - without a realm, a name with an `@` is refused: ownership checks, rate limits and stores would key another
 *   user than privacyIDEA resolves.
 */
export function sessionUserOf(name: string, realm: string | undefined): SessionUser | undefined {
  const at = name.lastIndexOf('@');
  if (at === -1) return { username: name, realm };
  if (realm === undefined) return undefined;
  if (at > 0 && name.slice(at + 1).toLowerCase() === realm.toLowerCase()) return { username: name.slice(0, at), realm };
  return { username: name, realm };
}
