// Its own file: the QR code's chunk must not have been loaded by another test before this one.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../testing/mocks/server';
import { renderWidget } from '../../../testing/render-widget';

describe('the QR code’s own chunk', () => {
  it('is loaded while the start step shows, so the scan step shows the QR code at once', async () => {
    // A BFF that answers in 100 ms, as a real one might: the chunk loads meanwhile, and no placeholder shows.
    mockApi.fake.switches.latencyMs = 100;
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    expect(screen.getByRole('img', { name: 'QR code for alice at Example Corp' })).toBeInTheDocument();
    expect(screen.queryByText('Loading the QR code…')).not.toBeInTheDocument();
  });
});
