import type { TotpEnrollment } from '@pi-enroll/shared';
import { QRCodeSVG } from 'qrcode.react';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/**
 * The key URI as a QR code: an SVG of 224 px with a four-module quiet zone, always black on white (dark-mode
 * colours confuse scanners), named for screen readers by account and issuer.
 */
export function QrCode({ enrollment }: { enrollment: TotpEnrollment }) {
  const { t, format } = useI18n();
  return (
    <div className="pie-qr">
      <QRCodeSVG
        value={enrollment.otpauthUri}
        size={224}
        marginSize={4}
        level="M"
        bgColor="#ffffff"
        fgColor="#000000"
        role="img"
        aria-label={format(t.scan.qrLabel, { account: enrollment.accountName, issuer: enrollment.issuer })}
      />
    </div>
  );
}
