// English: the reference language. Its shape is the `Messages` type every other language must match in full.
// `{name}` is replaced by a value; `{ one, other }` objects are plural forms chosen by Intl.PluralRules.
const en = {
  widgetLabel: 'Authenticator app setup',
  common: {
    busy: 'Please wait…',
    retry: 'Try again',
    startAgain: 'Start again',
    cancel: 'Cancel setup',
    errorPrefix: 'Error:',
  },
  loading: { heading: 'Loading…' },
  unavailable: { heading: 'Setup is not available right now' },
  signIn: {
    heading: 'Sign in',
    intro: 'Sign in to set up an authenticator app for your account.',
    username: 'Username',
    password: 'Password',
    otp: 'Code from your current authenticator',
    otpHint: 'Your account already has a second factor. Enter a code from it to continue.',
    submit: 'Sign in',
    demoHeading: 'Demo: sign in as',
    demoIntro: 'This is a demo against a simulated server. Pick a user:',
    notSignedInHeading: 'You are not signed in',
    notSignedIn: 'Open this page again from your portal to set up an authenticator app.',
  },
  start: {
    heading: 'Set up your authenticator app',
    intro:
      'You will scan a QR code with an authenticator app on your phone, such as Microsoft Authenticator, Google Authenticator, Aegis or FreeOTP, then type the code it shows to prove that it works.',
    deviceName: 'Device name (optional)',
    deviceNameHint: 'Helps you recognise this sign-in method later, for example “Work phone”.',
    submit: 'Start setup',
    defaultDescription: 'Authenticator app, added {date}',
  },
  resume: {
    heading: 'Finish your setup',
    intro:
      'You started setting up an authenticator app earlier. Continue with the same QR code, or start over with a new one.',
    continue: 'Continue with the same QR code',
    startOver: 'Start over',
  },
  scan: {
    heading: 'Scan the QR code',
    intro: 'In your authenticator app, add an account and scan this QR code.',
    qrLabel: 'QR code for {account} at {issuer}',
    qrLoading: 'Loading the QR code…',
    qrUnavailable: 'The QR code could not be loaded. Reload the page, or add the account by hand under “Can’t scan the code?”.',
    openInApp: 'Open in authenticator app',
    openInAppHint: 'On this phone? Add the account straight to your authenticator app.',
    next: 'Next: enter the code',
  },
  manualKey: {
    summary: 'Can’t scan the code?',
    intro: 'Add the account by hand with these details:',
    key: 'Key',
    copy: 'Copy key',
    copied: 'Key copied.',
    copyFailed: 'Could not copy. Select the key and copy it.',
    account: 'Account',
    issuer: 'Issuer',
    type: 'Type',
    typeValue: 'Time-based (TOTP)',
    algorithm: 'Algorithm',
    digits: 'Digits',
    period: 'Interval',
    periodValue: '{count} seconds',
    nonDefault: 'Set these as well (not every app supports them):',
  },
  code: {
    heading: 'Enter the code from your app',
    label: '{digits}-digit code',
    hint: 'The code changes every {period} seconds. Spaces are fine.',
    submit: 'Confirm',
    back: 'Show the QR code again',
    incomplete: 'Enter all {digits} digits of the code.',
    wrong: {
      one: 'That code did not work. Check that the time on your phone is right and enter the newest code. 1 attempt left.',
      other:
        'That code did not work. Check that the time on your phone is right and enter the newest code. {count} attempts left.',
    },
    sameQr: 'This is the same QR code as before. Scan it if the account is not in your app yet.',
  },
  countdown: {
    timeLeft: 'Time left to finish: {time}',
    warning: 'Less than {count} minutes left to finish the setup.',
  },
  confirmCancel: {
    heading: 'Cancel the setup?',
    intro: 'The account you may have added in your app will not work. You can start again at any time.',
    confirm: 'Yes, cancel setup',
    dismiss: 'No, continue',
  },
  cancelled: {
    heading: 'Setup cancelled',
    body: 'Nothing was added to your account. If you already scanned the QR code, delete that entry from your app.',
  },
  exhausted: {
    heading: 'Too many wrong codes',
    body: 'For your security this setup was removed. Delete the entry from your app, then start again for a new QR code.',
  },
  expired: {
    heading: 'The setup expired',
    body: 'The code was not confirmed in time, so this QR code no longer works. Delete the entry from your app, then start again.',
  },
  alreadyEnrolled: {
    heading: 'You already have an authenticator app',
    body: 'There is nothing to set up. To replace your device, contact your help desk.',
  },
  done: {
    heading: 'Your authenticator app is ready',
    body: 'From now on, when you sign in, enter the code your app shows. Keep the app on your phone; if you lose the phone, contact your help desk.',
    device: 'Device: {description}',
  },
  problems: {
    unauthenticated: 'Your session has ended. Please sign in again.',
    invalid_credentials: 'The username, password or code is not right.',
    launch_token_invalid: 'The link you used has expired or is not valid. Open this page again from your portal.',
    forbidden_origin: 'This page is not allowed to use the setup service.',
    rate_limited: 'Too many attempts. Please wait a moment, then try again.',
    upstream_unavailable: 'The sign-in server cannot be reached right now. Please try again in a moment.',
    network_error: 'You seem to be offline. Check your connection and try again.',
    invalid_request: 'Please check what you entered.',
    no_pending_enrollment: 'This setup was ended elsewhere, for example in another tab. Start again.',
    other: 'Something went wrong on our side. Please try again.',
  },
  retryAfter: { one: 'You can try again in 1 second.', other: 'You can try again in {count} seconds.' },
};

export type Messages = typeof en;
export default en;
