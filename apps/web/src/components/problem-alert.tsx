import { Alert } from './alert';
import type { FlowProblem } from '../lib/api-client';
import { useI18n } from '../lib/i18n/i18n-provider';

/** The message for a failure, chosen by its code (never by the server's text), with the wait when one is known. */
export function ProblemAlert({ problem, showWait = true }: { problem: FlowProblem; /** False where a countdown shows the wait. */ showWait?: boolean }) {
  const { t, plural } = useI18n();
  const messages: Record<string, string> = t.problems;
  const message = messages[problem.code] ?? t.problems.other;
  const wait = showWait && problem.retryAfterSeconds ? ` ${plural(t.retryAfter, problem.retryAfterSeconds)}` : '';
  return <Alert>{message + wait}</Alert>;
}
