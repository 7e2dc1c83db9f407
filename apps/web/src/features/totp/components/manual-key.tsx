import type { TotpEnrollment } from '@pi-enroll/shared';
import { defaultOtpParameters } from '@pi-enroll/shared/otp-code';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`: groups of four are easier to type and to check. */
function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * "Can't scan?": everything needed to add the account by hand. Parameters are listed only when they differ from
 * what every app assumes (SHA1, 6 digits, 30 s), because an app that ignores them computes wrong codes.
 */
export function ManualKey({ enrollment }: { enrollment: TotpEnrollment }) {
  const { t, format } = useI18n();
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(enrollment.secret);
      setCopyStatus('copied');
    } catch {
      setCopyStatus('failed');
    }
  }

  const nonDefault = [
    enrollment.algorithm !== defaultOtpParameters.algorithm && [t.manualKey.algorithm, enrollment.algorithm],
    enrollment.digits !== defaultOtpParameters.digits && [t.manualKey.digits, String(enrollment.digits)],
    enrollment.period !== defaultOtpParameters.period && [
      t.manualKey.period,
      format(t.manualKey.periodValue, { count: enrollment.period }),
    ],
  ].filter((entry): entry is [string, string] => Array.isArray(entry));

  return (
    <details className="pie-details">
      <summary className="pie-details__summary">{t.manualKey.summary}</summary>
      <div className="pie-details__body">
        <p className="pie-text">{t.manualKey.intro}</p>
        <dl className="pie-params">
          <div className="pie-params__row">
            <dt>{t.manualKey.key}</dt>
            <dd>
              <code className="pie-key">{groupKey(enrollment.secret)}</code>
              <Button className="pie-copy" onClick={() => void copyKey()}>
                {t.manualKey.copy}
              </Button>
            </dd>
          </div>
          <div className="pie-params__row">
            <dt>{t.manualKey.account}</dt>
            <dd>{enrollment.accountName}</dd>
          </div>
          <div className="pie-params__row">
            <dt>{t.manualKey.issuer}</dt>
            <dd>{enrollment.issuer}</dd>
          </div>
          <div className="pie-params__row">
            <dt>{t.manualKey.type}</dt>
            <dd>{t.manualKey.typeValue}</dd>
          </div>
        </dl>
        {nonDefault.length > 0 && (
          <>
            <p className="pie-text">{t.manualKey.nonDefault}</p>
            <dl className="pie-params pie-params--warning">
              {nonDefault.map(([name, value]) => (
                <div key={name} className="pie-params__row">
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <p role="status" className="pie-hint">
          {copyStatus === 'copied' ? t.manualKey.copied : copyStatus === 'failed' ? t.manualKey.copyFailed : ''}
        </p>
      </div>
    </details>
  );
}
