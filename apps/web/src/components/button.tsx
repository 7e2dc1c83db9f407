import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
}

/** A real `<button>`, `type="button"` unless said otherwise, so no button submits a form by accident. */
export function Button({ variant = 'secondary', className, type = 'button', ...props }: ButtonProps) {
  const classes = `pie-button pie-button--${variant}${className ? ` ${className}` : ''}`;
  return <button type={type} className={classes} {...props} />;
}
