import type { StepUpState } from '@pi-enroll/shared';
import type { Clock } from '../clock.js';
import { ProblemError } from '../http/problem-error.js';
import type { PrivacyIdeaClient } from '../privacyidea/privacyidea-client.js';
import type { PiToken } from '../privacyidea/pi-envelope.js';
import type { SessionData } from '../session/session-data.js';
import type { ExpiringStore } from '../store/expiring-store.js';
import { isUsableToken } from '../enrollment/user-tokens.js';

/**
 * "Is it still them?" before a method is removed or replaced: a sign-in within STEP_UP_MAX_AGE_SECONDS counts, or
 * a code from one of the user's methods (a recovery code too) typed just now. The step-up is remembered per
 * session in the shared store, so it holds on every replica and dies with the session.
 */
export class StepUp {
  constructor(
    private readonly deps: { pi: PrivacyIdeaClient; store: ExpiringStore; clock: Clock; maxAgeSeconds: number },
  ) {}

  /** Until when a removal needs no new step-up, or undefined when one is needed now. */
  async freshUntil(session: SessionData): Promise<number | undefined> {
    const maxAge = this.deps.maxAgeSeconds * 1000;
    const steppedUpAt = Number((await this.deps.store.get(this.key(session))) ?? '0');
    const until = Math.max(session.createdAt, steppedUpAt) + maxAge;
    return until > this.deps.clock.now() ? until : undefined;
  }

  async state(session: SessionData, tokens: PiToken[]): Promise<StepUpState> {
    const until = await this.freshUntil(session);
    return { freshUntil: until === undefined ? null : new Date(until).toISOString(), methods: stepUpMethodsOf(tokens) };
  }

  /** Throws 403 `step_up_required`, naming the methods that can satisfy it, unless the step-up is fresh. */
  async require(session: SessionData, tokens: PiToken[]): Promise<void> {
    if ((await this.freshUntil(session)) !== undefined) return;
    throw new ProblemError(403, 'step_up_required', 'Confirm it is you: enter a code from one of your other sign-in methods.', {
      stepUpMethods: stepUpMethodsOf(tokens),
    });
  }

  /** Checks a code as a login would (privacyIDEA spends it) and remembers the step-up; a wrong code is refused. */
  async confirm(session: SessionData, code: string, requestId?: string): Promise<void> {
    const result = await this.deps.pi.validateByUser(session.user, code, requestId);
    if (!result.accepted) throw new ProblemError(401, 'invalid_credentials', 'That code is not right.');
    const maxAge = this.deps.maxAgeSeconds * 1000;
    await this.deps.store.set(this.key(session), String(this.deps.clock.now()), maxAge);
  }

  private key(session: SessionData): string {
    return `step-up:${session.id}`;
  }
}

/** The methods whose code satisfies a step-up: every usable token of the user. */
function stepUpMethodsOf(tokens: PiToken[]): string[] {
  return tokens.filter(isUsableToken).map((token) => token.serial);
}
