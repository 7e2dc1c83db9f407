import type { RealmPolicies, SimulatorConfig, SimulatorRealm, SimulatorUser } from './simulator-config.js';

export interface ResolvedUser {
  user: SimulatorUser;
  realm: SimulatorRealm;
}

/** The realms and their user stores; resolves `user`/`realm` request parameters the way privacyIDEA does. */
export class UserDirectory {
  constructor(private readonly config: SimulatorConfig) {}

  defaultRealm(): SimulatorRealm {
    const realm = this.config.realms.find((r) => r.default === true) ?? this.config.realms[0];
    if (realm === undefined) throw new Error('the simulator config has no realm');
    return realm;
  }

  /** privacyIDEA lower-cases realm names, so realm lookups ignore case. */
  realm(name: string): SimulatorRealm | undefined {
    const wanted = name.toLowerCase();
    return this.config.realms.find((r) => r.name.toLowerCase() === wanted);
  }

  /**
   * `user` + optional `realm` → a user. Without `realm`, `alice@example` splits at the last `@` when `example` is a
   * realm (privacyIDEA's splitAtSign), otherwise the default realm applies. LDAP matches user names case-insensitively.
   */
  resolve(login: string, realmName?: string): ResolvedUser | undefined {
    let name = login;
    let realm: SimulatorRealm | undefined;
    if (realmName !== undefined && realmName !== '') {
      realm = this.realm(realmName);
    } else {
      const at = login.lastIndexOf('@');
      const atRealm = at > 0 ? this.realm(login.slice(at + 1)) : undefined;
      if (atRealm !== undefined) {
        name = login.slice(0, at);
        realm = atRealm;
      } else {
        realm = this.defaultRealm();
      }
    }
    if (realm === undefined) return undefined;
    const wanted = name.toLowerCase();
    const user = realm.users.find((u) => u.username.toLowerCase() === wanted);
    return user === undefined ? undefined : { user, realm };
  }

  admin(username: string): { username: string; password: string } | undefined {
    return this.config.admins.find((a) => a.username === username);
  }

  /** A policy not mentioned in the config is off, as on a fresh privacyIDEA. */
  policiesOf(realm: SimulatorRealm): RealmPolicies {
    return { verifyEnrollment: false, passOnNoToken: false, ...realm.policies };
  }
}
