import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWidget } from '../../../testing/render-widget';

describe('the widget’s language', () => {
  afterEach(() => vi.restoreAllMocks());

  it('follows the host’s choice', async () => {
    renderWidget({ locale: 'de' });
    expect(await screen.findByRole('heading', { name: 'Authenticator-App einrichten' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Einrichtung der Authenticator-App' })).toHaveAttribute('lang', 'de');
  });

  it('otherwise follows the browser’s languages: the first one it has', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pt-BR', 'de-AT', 'en']);
    renderWidget();
    expect(await screen.findByRole('button', { name: 'Einrichtung starten' })).toBeInTheDocument();
  });

  it('lets the host replace any string', async () => {
    renderWidget({ messages: { start: { heading: 'Secure your account' }, widgetLabel: 'MFA' } });
    expect(await screen.findByRole('heading', { name: 'Secure your account' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'MFA' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start setup' })).toBeInTheDocument();
  });
});
