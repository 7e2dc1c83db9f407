import { createContext, use, useEffect, useRef, type ReactNode, type RefObject } from 'react';

/**
 * Whether a new step takes the focus. It starts false so that a widget on a host page never steals the focus
 * when it first appears; the flow sets it once the user acts, and the gallery never does.
 */
export const MoveFocusContext = createContext<RefObject<boolean>>({ current: false });

/** Focuses `target` when it appears, if steps move the focus (see MoveFocusContext). */
export function useFocusOnArrival(target: RefObject<HTMLElement | null>): void {
  const moveFocus = use(MoveFocusContext);
  useEffect(() => {
    if (moveFocus.current) target.current?.focus();
  }, [moveFocus, target]);
}

export interface StepHeadingProps {
  children: ReactNode;
  /** False when the step has one field that takes the focus instead (the code step). */
  takesFocus?: boolean;
}

/** The step's title; it takes the focus when the step appears, so keyboard and screen reader users follow along. */
export function StepHeading({ children, takesFocus = true }: StepHeadingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(takesFocus ? heading : noTarget);
  return (
    <h2 ref={heading} tabIndex={-1} className="pie-heading">
      {children}
    </h2>
  );
}

const noTarget: RefObject<null> = { current: null };
