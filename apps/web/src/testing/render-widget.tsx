import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { EnrollmentApp, type WidgetOptions } from '../app/enrollment-app';
import { createTestQueryClient } from './query-client';

/**
 * The bundled widget as a host renders it (StrictMode included, as in the pages), with a fresh QueryClient, plus
 * a user to drive it.
 */
export function renderWidget(options: WidgetOptions = {}) {
  const user = userEvent.setup();
  const queryClient = createTestQueryClient();
  const view = render(
    <StrictMode>
      <EnrollmentApp {...options} queryClient={queryClient} />
    </StrictMode>,
  );
  return { user, queryClient, ...view };
}
