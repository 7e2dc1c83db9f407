import type { Enrollment } from '@pi-enroll/shared';
import { Button } from '../../../components/button';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';
import { ExpiryCountdown } from './expiry-countdown';
import { LazyQrCode } from './lazy-qr-code';
import { ManualKey } from './manual-key';
import { OpenInAppLink } from './open-in-app-link';
import { Screen } from './screen';

export function ScanScreen({ enrollment, send }: { enrollment: Enrollment; send: (event: UserEvent) => void }) {
  const { t } = useI18n();
  return (
    <Screen step="scan" heading={t.scan.heading}>
      <p className="pie-text">{t.scan.intro}</p>
      <OpenInAppLink enrollment={enrollment} />
      <LazyQrCode enrollment={enrollment} />
      <ManualKey enrollment={enrollment} />
      <ExpiryCountdown expiresAt={enrollment.expiresAt} />
      <div className="pie-actions">
        <Button variant="primary" onClick={() => send({ type: 'scanConfirmed' })}>
          {t.scan.next}
        </Button>
        <Button variant="quiet" onClick={() => send({ type: 'cancelRequested' })}>
          {t.common.cancel}
        </Button>
      </div>
    </Screen>
  );
}
