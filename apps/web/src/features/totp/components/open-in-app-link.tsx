import type { TotpEnrollment } from '@pi-enroll/shared';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/**
 * On a phone the QR code cannot be scanned by the phone itself: the otpauth link hands the key straight to the
 * authenticator app. Always in the DOM; the stylesheet shows it prominently only on touch screens and narrow
 * viewports (`pointer: coarse`, `max-width`), no user-agent sniffing.
 */
export function OpenInAppLink({ enrollment }: { enrollment: TotpEnrollment }) {
  const { t } = useI18n();
  return (
    <div className="pie-open-app">
      <a className="pie-button pie-button--primary pie-open-app__link" href={enrollment.otpauthUri}>
        {t.scan.openInApp}
      </a>
      <p className="pie-hint">{t.scan.openInAppHint}</p>
    </div>
  );
}
