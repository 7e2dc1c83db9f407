import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { EnrollmentApp, type WidgetOptions } from '../app/enrollment-app';

/** The bundled widget as a host renders it (StrictMode included, as in the pages), plus a user to drive it. */
export function renderWidget(options: WidgetOptions = {}) {
  const user = userEvent.setup();
  const view = render(
    <StrictMode>
      <EnrollmentApp {...options} />
    </StrictMode>,
  );
  return { user, ...view };
}
