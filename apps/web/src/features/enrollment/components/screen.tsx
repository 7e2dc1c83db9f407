import type { ReactNode } from 'react';
import { StepHeading } from '../../../components/step-heading';
import type { FlowStep } from '../flow/enrollment-flow';

export interface ScreenProps {
  /** Exposed as `data-step`, so restylers can target one step. */
  step: FlowStep;
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
