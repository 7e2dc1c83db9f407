import type { ButtonHTMLAttributes } from 'react';
import { useI18n } from '../lib/i18n/i18n-provider';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** This button's request is under way: it says so ("Please wait…") and cannot be pressed again. */
  busy?: boolean;
}

/** A real `<button>`, `type="button"` unless said otherwise, so no button submits a form by accident. */
export function Button({ variant = 'secondary', className, type = 'button', busy = false, disabled, children, ...props }: ButtonProps) {
  const { t } = useI18n();
  const classes = `pie-button pie-button--${variant}${className ? ` ${className}` : ''}`;
  return (
    <button type={type} className={classes} disabled={disabled === true || busy} aria-busy={busy || undefined} {...props}>
      {busy ? t.common.busy : children}
    </button>
  );
}
