// Its own file: the QR code's chunk fails to load here (offline, or replaced by a new deployment).
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWidget } from '../../../testing/render-widget';

vi.mock('./qr-code', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

describe('a QR code that cannot be loaded', () => {
  it('is explained in its place, and the key to type in by hand is still there', async () => {
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The QR code could not be loaded. Reload the page, or add the account by hand under “Can’t scan the code?”.',
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();

    await user.click(screen.getByText('Can’t scan the code?'));
    expect(screen.getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: '6-digit code' })).toBeInTheDocument();
  });
});
