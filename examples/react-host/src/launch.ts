/** What the host's backend tells its page: where the BFF is, and a launch token for its signed-in user. */
export interface PiEnrollLaunch {
  /** The BFF's BASE_PATH, e.g. `https://enroll.example.org/mfa/`. */
  apiBase: string;
  /** Short-lived and single-use: fetch a fresh one on every page load (a reload needs a new one cross-site). */
  launchToken: string;
}

export async function fetchLaunch(): Promise<PiEnrollLaunch> {
  const response = await fetch('/my-portal/pi-enroll-launch', { credentials: 'include' });
  if (!response.ok) throw new Error(`the portal gave no launch token (${response.status})`);
  return (await response.json()) as PiEnrollLaunch;
}
