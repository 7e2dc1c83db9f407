// A host that draws its own enrollment UI with the headless hook: no widget.css, no bundled screens. It shows
// the key and an "open in app" link instead of a QR code, to stay small; a real host would draw the QR code of
// `enrollment.otpauthUri` too.
import { useEnrollment, type FlowState } from '@pi-enroll/web/headless';
import { useState, type FormEvent } from 'react';

export interface OwnEnrollmentProps {
  apiBase: string;
  launchToken: string;
}

export function OwnEnrollment({ apiBase, launchToken }: OwnEnrollmentProps) {
  const { state, send } = useEnrollment({ apiBase, launchToken });
  return (
    <main>
      <h1>Two-step sign-in</h1>
      <Step state={state} send={send} />
    </main>
  );
}

function Step({ state, send }: Pick<ReturnType<typeof useEnrollment>, 'state' | 'send'>) {
  const [code, setCode] = useState('');
  switch (state.current) {
    case 'start':
      return (
        <button type="button" onClick={() => send({ type: 'startRequested', method: 'totp', description: 'My phone' })}>
          Add an authenticator app
        </button>
      );
    case 'resume':
      return (
        <button type="button" onClick={() => send({ type: 'resumeAccepted' })}>
          Continue where you left off
        </button>
      );
    case 'pending':
    case 'confirming': {
      // This host's own UI offers the authenticator app only; other methods' enrollments are discriminated by type.
      if (state.enrollment.type !== 'totp') return <p>This page sets up authenticator apps only.</p>;
      const { secret, otpauthUri } = state.enrollment;
      const submit = (event: FormEvent) => {
        event.preventDefault();
        send({ type: 'proofSubmitted', proof: { code } });
      };
      return (
        <form onSubmit={submit}>
          <p>
            Key: <code>{secret}</code> (<a href={otpauthUri}>open in your app</a>)
          </p>
          {state.current === 'pending' && state.problem && <p role="alert">That code did not work ({state.problem.code}).</p>}
          <label>
            Code from your app <input value={code} onChange={(event) => setCode(event.target.value)} inputMode="numeric" />
          </label>
          <button type="submit" disabled={state.current === 'confirming'}>
            Confirm
          </button>
        </form>
      );
    }
    case 'done':
    case 'naming':
      return <p role="status">Added: {state.confirmation.serial}</p>;
    default:
      return <Busy state={state} />;
  }
}

/** Every other state: this host does not draw them one by one (the bundled widget does). */
function Busy({ state }: { state: FlowState }) {
  return <p aria-live="polite">({state.current})</p>;
}
