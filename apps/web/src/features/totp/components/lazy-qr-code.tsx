import type { TotpEnrollment } from '@pi-enroll/shared';
import { lazy, Suspense, type ComponentType } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-provider';

type QrCodeComponent = ComponentType<{ enrollment: TotpEnrollment }>;

let loading: Promise<QrCodeComponent> | undefined;
let loaded: QrCodeComponent | undefined;

/**
 * Loads the QR code's chunk (qrcode.react), which the first screen does not need: it stays out of the initial
 * download, and the screens before TOTP's steps (start, resume) load it as soon as they appear (the method's
 * `preload`), so it is there when the user gets to scan. Relative to the importing module, so it loads from wherever widget.js came from.
 */
export function preloadQrCode(): Promise<QrCodeComponent> {
  loading ??= import('./qr-code').then(
    ({ QrCode }) => (loaded = QrCode),
    () => {
      // Offline, or a new deployment replaced the chunk: say so in its place (the key shown below works without
      // it). The next call tries again.
      loading = undefined;
      return QrCodeUnavailable;
    },
  );
  return loading;
}

const QrCodeChunk = lazy(async () => ({ default: await preloadQrCode() }));

/** The QR code (see `QrCode`), from its own chunk. */
export function LazyQrCode({ enrollment }: { enrollment: TotpEnrollment }) {
  return (
    <Suspense fallback={<QrCodeLoading />}>
      {/* Once loaded, directly: React.lazy shows the fallback for a moment even when the module is there. */}
      {loaded ? <LoadedQrCode component={loaded} enrollment={enrollment} /> : <QrCodeChunk enrollment={enrollment} />}
    </Suspense>
  );
}

function LoadedQrCode({ component: QrCode, enrollment }: { component: QrCodeComponent; enrollment: TotpEnrollment }) {
  return <QrCode enrollment={enrollment} />;
}

/** Holds the QR code's place, at its size, while its chunk loads (rarely seen: it is preloaded). */
function QrCodeLoading() {
  const { t } = useI18n();
  return (
    <div className="pie-qr-loading" role="status">
      {t.scan.qrLoading}
    </div>
  );
}

function QrCodeUnavailable() {
  const { t } = useI18n();
  return (
    <p className="pie-qr-loading" role="alert">
      {t.scan.qrUnavailable}
    </p>
  );
}
