// The host's page: its own heading and notice around the installed widget.
import { EnrollmentWidget } from '@pi-enroll/web';
import '@pi-enroll/web/widget.css';
import { useState } from 'react';

export interface SecuritySettingsProps {
  /** The BFF's BASE_PATH, e.g. `https://enroll.example.org/mfa/`. */
  apiBase: string;
  /** Minted by the host's backend for its signed-in user, fresh on every page load. */
  launchToken: string;
}

export function SecuritySettings({ apiBase, launchToken }: SecuritySettingsProps) {
  const [enrolledSerial, setEnrolledSerial] = useState<string>();
  return (
    <main>
      <h1>Security settings</h1>
      {enrolledSerial && <p role="status">Your portal now asks for a code when you sign in ({enrolledSerial}).</p>}
      <EnrollmentWidget
        apiBase={apiBase}
        launchToken={launchToken}
        locale="en"
        theme="light"
        onEnrolled={(confirmation) => setEnrolledSerial(confirmation.serial)}
      />
    </main>
  );
}
