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

/**
 * The level of the step headings: 2 inside a host page (its own `h1` names the page), 1 on the pages that are
 * the widget's own (the standalone page and the iframe's document). Headings inside a step are one below.
 */
export const HeadingLevelContext = createContext<1 | 2>(2);

/** A heading inside a step (a method's name in the list): one level below the step's. */
export function Subheading({ id, className, children }: { id?: string; className?: string; children: ReactNode }) {
  const Heading = use(HeadingLevelContext) === 1 ? 'h2' : 'h3';
  return (
    <Heading id={id} className={className}>
      {children}
    </Heading>
  );
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
  const Heading = use(HeadingLevelContext) === 1 ? 'h1' : 'h2';
  return (
    <Heading ref={heading} tabIndex={-1} className="pie-heading">
      {children}
    </Heading>
  );
}

const noTarget: RefObject<null> = { current: null };
