import type { OtpSetting } from '@pi-enroll/shared';
import type { WrongCodeDiagnosis } from '../../enrollment/enrollment-method.js';
import { defaultOtpParameters } from '@pi-enroll/shared';
import type { TotpParameters } from './pi-totp.js';
import { acceptedSteps, codeAt, matchingStep } from './totp-code-window.js';

/** How far a phone's clock may be off for the BFF to say so: ten minutes either way. */
export const DRIFT_SEARCH_SECONDS = 600;


/**
 * Why a code that did not confirm is wrong, if it is one of the known misreadings; it is never accepted either
 * way. The candidates are fixed for a key and a moment, so a random wrong code is misdiagnosed exactly when it is
 * one of them: `candidateCodes` counts them (the README gives the figure).
 * - the phone's clock: the code of a time step up to ten minutes away, outside the window privacyIDEA accepts;
 * - an app that ignores settings of the QR code (when the operator chose other than SHA1 / 6 / 30): the code
 *   such an app computes, within the accepted window. The fewest ignored settings that explain the code are named.
 */
export function diagnoseWrongCode(secret: string, parameters: TotpParameters, code: string, nowMs: number, windowSeconds: number): WrongCodeDiagnosis | undefined {
  for (const candidate of candidatesOf(parameters, windowSeconds)) {
    if (matches(secret, candidate, code, nowMs)) return candidate.diagnosis;
  }
  return undefined;
}

/** Every code that would get a diagnosis now: what a random wrong code is compared with. */
export function candidateCodes(secret: string, parameters: TotpParameters, nowMs: number, windowSeconds: number): Set<string> {
  const codes = new Set<string>();
  for (const candidate of candidatesOf(parameters, windowSeconds)) {
    for (const offset of candidate.steps) {
      for (const shown of shownCodes(secret, candidate, nowMs, offset)) codes.add(shown);
    }
  }
  return codes;
}

interface Candidate {
  parameters: TotpParameters;
  steps: number[];
  /** With ignored digits: the configured number, whose code's first six digits are a misreading too. */
  configuredDigits: number | undefined;
  diagnosis: WrongCodeDiagnosis;
}

function candidatesOf(parameters: TotpParameters, windowSeconds: number): Candidate[] {
  const accepted = acceptedSteps(parameters.period, windowSeconds);
  const reach = Math.ceil(DRIFT_SEARCH_SECONDS / parameters.period);
  const drift = Array.from({ length: 2 * reach + 1 }, (_, i) => i - reach).filter((step) => !accepted.includes(step));
  const candidates: Candidate[] = drift.map((step) => ({
    parameters,
    steps: [step],
    configuredDigits: undefined,
    diagnosis: { reason: 'clock_drift', clockOffsetSeconds: step * parameters.period },
  }));
  const differing = (['algorithm', 'digits', 'period'] as const).filter((setting) => parameters[setting] !== defaultOtpParameters[setting]);
  for (const ignored of subsetsBySize(differing)) {
    const assumed: TotpParameters = { ...parameters };
    for (const setting of ignored) (assumed as Record<OtpSetting, unknown>)[setting] = defaultOtpParameters[setting];
    candidates.push({
      parameters: assumed,
      steps: acceptedSteps(assumed.period, windowSeconds),
      configuredDigits: ignored.includes('digits') ? parameters.digits : undefined,
      diagnosis: { reason: 'app_ignores_settings', ignoredSettings: ignored },
    });
  }
  return candidates;
}

function matches(secret: string, candidate: Candidate, code: string, nowMs: number): boolean {
  if (candidate.diagnosis.reason === 'clock_drift') return matchingStep(secret, candidate.parameters, code, nowMs, candidate.steps) !== undefined;
  return candidate.steps.some((offset) => shownCodes(secret, candidate, nowMs, offset).includes(code));
}

/** The code(s) an app with these settings shows at a step: with ignored digits, 6 digits, or the first six of 8. */
function shownCodes(secret: string, candidate: Candidate, nowMs: number, offset: number): string[] {
  const shown = [codeAt(secret, candidate.parameters, nowMs, offset)];
  const digits = candidate.configuredDigits;
  if (digits !== undefined) shown.push(codeAt(secret, { ...candidate.parameters, digits: digits as TotpParameters['digits'] }, nowMs, offset).slice(0, 6));
  return shown;
}

/** The non-empty subsets, smallest first, so a diagnosis names the fewest settings that explain a code. */
function subsetsBySize<T>(items: readonly T[]): T[][] {
  const subsets: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask += 1) subsets.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  return subsets.sort((a, b) => a.length - b.length);
}
