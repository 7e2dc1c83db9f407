/**
 * The id of the credential this page registered last, so "Try it now" asks the browser for that very key (the
 * BFF's try route takes it; without it, any of the user's keys may answer and the result says so).
 */
let lastRegistered: string | undefined;

export function rememberRegisteredCredential(id: string): void {
  lastRegistered = id;
}

export function registeredCredential(): string | undefined {
  return lastRegistered;
}
