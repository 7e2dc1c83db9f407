import type { ReactNode } from 'react';
import { StepHeading } from './step-heading';

export interface ScreenProps {
  /**
   * Exposed as `data-step`, so restylers can target one step: the flow's state (`start`, `confirmCancel`, …)
   * or, while an enrollment is pending, the method's own step (`setup` for TOTP).
   */
  step: string;
  heading: string;
  /** False when a field of the step takes the focus instead of the heading. */
  headingTakesFocus?: boolean;
  children?: ReactNode;
}

/** The frame every step shares: its heading (which takes the focus) and its content. */
export function Screen({ step, heading, headingTakesFocus = true, children }: ScreenProps) {
  return (
    <div className="pie-screen" data-step={step}>
      <StepHeading takesFocus={headingTakesFocus}>{heading}</StepHeading>
      {children}
    </div>
  );
}
