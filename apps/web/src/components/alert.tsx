import type { ReactNode } from 'react';

/** An error, announced at once (role=alert), and more than its colour: an icon, a border and words carry it too. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="pie-alert">
      <span className="pie-alert__icon" aria-hidden="true">
        !
      </span>
      <div className="pie-alert__body">{children}</div>
    </div>
  );
}
