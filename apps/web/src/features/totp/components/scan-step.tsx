import type { TotpEnrollment } from '@pi-enroll/shared';
import { Button } from '../../../components/button';
import { ExpiryCountdown } from '../../../components/expiry-countdown';
import { Screen } from '../../../components/screen';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { LazyQrCode } from './lazy-qr-code';
import { ManualKey } from './manual-key';
import { OpenInAppLink } from './open-in-app-link';

export interface ScanStepProps {
  enrollment: TotpEnrollment;
  onNext: () => void;
  onCancel: () => void;
}

/** The key into the app: the QR code, the otpauth link for phones, and the key to type in by hand. */
export function ScanStep({ enrollment, onNext, onCancel }: ScanStepProps) {
  const { t } = useI18n();
  return (
    <Screen step="scan" heading={t.scan.heading}>
      <p className="pie-text">{t.scan.intro}</p>
      <OpenInAppLink enrollment={enrollment} />
      <LazyQrCode enrollment={enrollment} />
      <ManualKey enrollment={enrollment} />
      <ExpiryCountdown expiresAt={enrollment.expiresAt} />
      <div className="pie-actions">
        <Button variant="primary" onClick={onNext}>
          {t.scan.next}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t.common.cancel}
        </Button>
      </div>
    </Screen>
  );
}
