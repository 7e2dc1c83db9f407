// Its own file: the QR code's chunk must not have been loaded by another test before this one.
import type { TotpEnrollment } from '@pi-enroll/shared';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n-provider';
import { TotpSteps } from './totp-steps';

const enrollment: TotpEnrollment = {
  type: 'totp',
  status: 'pending',
  otpauthUri: 'otpauth://totp/Example%20Corp:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example%20Corp',
  secret: 'JBSWY3DPEHPK3PXP',
  issuer: 'Example Corp',
  accountName: 'alice',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  attemptsLeft: 3,
};

describe('the scan step, reached before the QR code was loaded', () => {
  it('holds the QR code’s place with a status the screen reader announces, then shows the QR code', async () => {
    render(
      <I18nProvider locale="en">
        <TotpSteps pending={enrollment} busy={false} submit={() => undefined} cancel={() => undefined} restartWithCompatibleSettings={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Scan the QR code, then enter the code' })).toBeInTheDocument();
    expect(screen.getByText('Loading the QR code…')).toHaveRole('status');
    expect(screen.getByRole('textbox', { name: '6-digit code' })).toBeEnabled();

    expect(await screen.findByRole('img', { name: 'QR code for alice at Example Corp' })).toBeInTheDocument();
    expect(screen.queryByText('Loading the QR code…')).not.toBeInTheDocument();
  });
});
