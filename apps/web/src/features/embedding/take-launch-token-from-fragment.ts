/**
 * Reads `#launch_token=…` and removes it from the address bar at once. The fragment never reaches a server log,
 * and clearing it keeps the token out of the history, bookmarks and screenshots.
 */
export function takeLaunchTokenFromFragment(location: Location, history: History): string | undefined {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has('launch_token')) return undefined;
  const launchToken = params.get('launch_token') ?? '';
  params.delete('launch_token');
  const fragment = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`);
  return launchToken || undefined;
}
