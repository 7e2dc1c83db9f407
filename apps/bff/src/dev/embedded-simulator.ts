import { startSimulator, type RunningSimulator } from '@pi-enroll/privacyidea-sim';

/**
 * Without PI_URL, `npm start` runs privacyIDEA's simulator in this process, with its demo users, so the
 * product can be tried on a bare machine. Never used when PI_URL is set.
 */
export async function startEmbeddedSimulator(): Promise<{ simulator: RunningSimulator; demoUsers: string[] }> {
  const simulator = await startSimulator({ port: 0, host: '127.0.0.1', control: true });
  const demoUsers = simulator.demoCredentials.users.map((user) => user.username).sort();
  return { simulator, demoUsers };
}
