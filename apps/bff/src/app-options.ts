import type { Dispatcher } from 'undici';
import type { Clock } from './clock.js';
import type { AppConfig } from './config/app-config.js';

export interface AppOptions {
  config: AppConfig;
  clock?: Clock;
  /** Users offered by demo sign-in: only the embedded simulator's. */
  demoUsers?: string[];
  /** Tests inject an undici MockAgent here for faults the simulator cannot produce. */
  dispatcher?: Dispatcher;
  /** A destination for the JSON log lines (tests capture them to search for secrets). */
  logStream?: NodeJS.WritableStream;
  /** The periodic clean-up; on by default, tests drive passes by hand. */
  startSweeper?: boolean;
}
