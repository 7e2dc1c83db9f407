import type { TotpEnrollment } from '@pi-enroll/shared';
import { Button } from '../../../components/button';
import { ExpiryCountdown } from '../../../components/expiry-countdown';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { LazyQrCode } from './lazy-qr-code';
import { ManualKey } from './manual-key';
import { OpenInAppLink } from './open-in-app-link';
import { OtpCodeForm } from './otp-code-form';

export interface SetupStepProps {
  enrollment: TotpEnrollment;
  busy: boolean;
  problem?: FlowProblem;
  onCode: (code: string) => void;
  onCompatibleSettings: () => void;
  onCancel: () => void;
}

/**
 * The whole setup on one screen, as the best setups do it: the key into the app (QR code; the otpauth link on
 * phones; the key as text) and the field for the app's first code, which submits itself. From the start
 * screen the user acts twice: scan, type. A wrong code keeps everything in place (a phone user still has the
 * link and the key); the field is cleared and takes the focus (it is remounted, keyed by the attempts left).
 * On arrival the heading takes the focus, so a screen reader starts with what to do.
 */
export function SetupStep({ enrollment, busy, problem, onCode, onCompatibleSettings, onCancel }: SetupStepProps) {
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
  const error = wrongCode
    ? why !== undefined
      ? `${why} ${plural(t.code.attemptsLeft, enrollment.attemptsLeft)}`
      : plural(t.code.wrong, enrollment.attemptsLeft)
    : undefined;
  return (
    <Screen step={busy ? 'confirming' : 'setup'} heading={t.scan.heading}>
      <p className="pie-text">{t.scan.intro}</p>
      <OpenInAppLink enrollment={enrollment} />
      <LazyQrCode enrollment={enrollment} />
      <ManualKey enrollment={enrollment} />
      {problem && !wrongCode && <ProblemAlert problem={problem} />}
      <OtpCodeForm
        key={enrollment.attemptsLeft}
        digits={enrollment.digits}
        period={enrollment.period}
        busy={busy}
        error={error}
        takesFocus={problem !== undefined}
        onSubmit={onCode}
      />
      <ExpiryCountdown expiresAt={enrollment.expiresAt} />
      <div className="pie-actions">
        {problem?.reason === 'app_ignores_settings' && problem.fallbackAvailable === true && (
          <Button variant="primary" disabled={busy} onClick={onCompatibleSettings}>
            {t.code.useCompatibleSettings}
          </Button>
        )}
        <Button variant="quiet" disabled={busy} onClick={onCancel}>
          {t.common.cancel}
        </Button>
      </div>
    </Screen>
  );
}
