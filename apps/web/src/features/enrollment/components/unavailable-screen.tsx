import { Button } from '../../../components/button';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';

export function UnavailableScreen({ problem, send }: { problem: FlowProblem; send: (event: UserEvent) => void }) {
  const { t } = useI18n();
  return (
    <Screen step="unavailable" heading={t.unavailable.heading}>
      <ProblemAlert problem={problem} />
      <div className="pie-actions">
        <Button variant="primary" onClick={() => send({ type: 'retryRequested' })}>
          {t.common.retry}
        </Button>
      </div>
    </Screen>
  );
}
