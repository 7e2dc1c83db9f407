import type { TotpEnrollment } from '@pi-enroll/shared';
import { Button } from '../../../components/button';
import { ExpiryCountdown } from '../../../components/expiry-countdown';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { LazyQrCode } from './lazy-qr-code';
import { OtpCodeForm } from './otp-code-form';

export interface CodeStepProps {
  enrollment: TotpEnrollment;
  busy: boolean;
  problem?: FlowProblem;
  onCode: (code: string) => void;
  onCompatibleSettings: () => void;
  onBack: () => void;
  onCancel: () => void;
}

/**
 * The proof: a code from the app. The step's one task is the field, so the field (not the heading) takes the
 * focus: keyboard users type at once, screen readers read its label and hint. After a wrong code the field is
 * cleared and focused again (it is remounted, keyed by the attempts left) and the same QR code is shown, in
 * case the account never made it into the app.
 */
export function CodeStep({ enrollment, busy, problem, onCode, onCompatibleSettings, onBack, onCancel }: CodeStepProps) {
  const { t, plural, format } = useI18n();
  const wrongCode = problem?.code === 'invalid_code';
  const minutes = Math.max(1, Math.round(Math.abs(problem?.clockOffsetSeconds ?? 0) / 60));
  const why =
    problem?.reason === 'clock_drift'
      ? format((problem.clockOffsetSeconds ?? 0) < 0 ? t.code.clockBehind : t.code.clockAhead, { minutes })
      : problem?.reason === 'app_ignores_settings'
        ? format(problem.fallbackAvailable === true ? t.code.appIgnoresSettings : t.code.appIgnoresSettingsNoFallback, {
            settings: (problem.ignoredSettings ?? []).map((setting) => t.code.settingNames[setting]).join(', '),
          })
        : undefined;
  return (
    <Screen step={busy ? 'confirming' : 'enterCode'} heading={t.code.heading} headingTakesFocus={false}>
      {problem && !wrongCode && <ProblemAlert problem={problem} />}
      <OtpCodeForm
        key={enrollment.attemptsLeft}
        digits={enrollment.digits}
        period={enrollment.period}
        busy={busy}
        error={wrongCode ? (why !== undefined ? `${why} ${plural(t.code.attemptsLeft, enrollment.attemptsLeft)}` : plural(t.code.wrong, enrollment.attemptsLeft)) : undefined}
        onSubmit={onCode}
      />
      <ExpiryCountdown expiresAt={enrollment.expiresAt} />
      {wrongCode && (
        <figure className="pie-figure">
          <LazyQrCode enrollment={enrollment} />
          <figcaption className="pie-hint">{t.code.sameQr}</figcaption>
        </figure>
      )}
      <div className="pie-actions">
        {problem?.reason === 'app_ignores_settings' && problem.fallbackAvailable === true && (
          <Button variant="primary" disabled={busy} onClick={onCompatibleSettings}>
            {t.code.useCompatibleSettings}
          </Button>
        )}
        {!wrongCode && (
          <Button disabled={busy} onClick={onBack}>
            {t.code.back}
          </Button>
        )}
        <Button variant="quiet" disabled={busy} onClick={onCancel}>
          {t.common.cancel}
        </Button>
      </div>
    </Screen>
  );
}
