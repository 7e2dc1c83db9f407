import type { Messages } from './en';

// Deutsch. `satisfies Messages` lets the compiler refuse a missing or misspelt key.
export default {
  widgetLabel: 'Einrichtung der Authenticator-App',
  common: {
    busy: 'Bitte warten…',
    retry: 'Erneut versuchen',
    startAgain: 'Neu beginnen',
    cancel: 'Einrichtung abbrechen',
    errorPrefix: 'Fehler:',
  },
  loading: { heading: 'Wird geladen…' },
  unavailable: { heading: 'Die Einrichtung ist gerade nicht möglich' },
  signIn: {
    heading: 'Anmelden',
    intro: 'Melden Sie sich an, um eine Authenticator-App für Ihr Konto einzurichten.',
    username: 'Benutzername',
    password: 'Passwort',
    otp: 'Code Ihres bisherigen Authenticators',
    otpHint: 'Ihr Konto hat bereits einen zweiten Faktor. Geben Sie einen Code davon ein, um fortzufahren.',
    submit: 'Anmelden',
    demoHeading: 'Demo: anmelden als',
    demoIntro: 'Dies ist eine Demo mit einem simulierten Server. Wählen Sie einen Benutzer:',
    notSignedInHeading: 'Sie sind nicht angemeldet',
    notSignedIn: 'Öffnen Sie diese Seite erneut über Ihr Portal, um eine Authenticator-App einzurichten.',
  },
  start: {
    heading: 'Authenticator-App einrichten',
    intro:
      'Sie scannen einen QR-Code mit einer Authenticator-App auf Ihrem Smartphone, etwa Microsoft Authenticator, Google Authenticator, Aegis oder FreeOTP, und geben dann den angezeigten Code ein, um zu bestätigen, dass es funktioniert.',
    deviceName: 'Gerätename (optional)',
    deviceNameHint: 'Hilft Ihnen, diese Anmeldemethode später wiederzuerkennen, zum Beispiel „Diensthandy“.',
    submit: 'Einrichtung starten',
    defaultDescription: 'Authenticator-App, hinzugefügt am {date}',
  },
  resume: {
    heading: 'Einrichtung abschließen',
    intro:
      'Sie haben bereits begonnen, eine Authenticator-App einzurichten. Fahren Sie mit demselben QR-Code fort oder beginnen Sie mit einem neuen von vorn.',
    continue: 'Mit demselben QR-Code fortfahren',
    startOver: 'Von vorn beginnen',
  },
  scan: {
    heading: 'QR-Code scannen',
    intro: 'Fügen Sie in Ihrer Authenticator-App ein Konto hinzu und scannen Sie diesen QR-Code.',
    qrLabel: 'QR-Code für {account} bei {issuer}',
    qrLoading: 'QR-Code wird geladen …',
    qrUnavailable:
      'Der QR-Code konnte nicht geladen werden. Laden Sie die Seite neu, oder fügen Sie das Konto unter „QR-Code lässt sich nicht scannen?“ von Hand hinzu.',
    openInApp: 'In der Authenticator-App öffnen',
    openInAppHint: 'Auf diesem Smartphone? Fügen Sie das Konto direkt Ihrer Authenticator-App hinzu.',
    next: 'Weiter: Code eingeben',
  },
  manualKey: {
    summary: 'QR-Code lässt sich nicht scannen?',
    intro: 'Fügen Sie das Konto mit diesen Angaben von Hand hinzu:',
    key: 'Schlüssel',
    copy: 'Schlüssel kopieren',
    copied: 'Schlüssel kopiert.',
    copyFailed: 'Kopieren nicht möglich. Markieren und kopieren Sie den Schlüssel.',
    account: 'Konto',
    issuer: 'Aussteller',
    type: 'Typ',
    typeValue: 'Zeitbasiert (TOTP)',
    algorithm: 'Algorithmus',
    digits: 'Stellen',
    period: 'Intervall',
    periodValue: '{count} Sekunden',
    nonDefault: 'Stellen Sie auch diese Werte ein (nicht jede App unterstützt sie):',
  },
  code: {
    heading: 'Code aus der App eingeben',
    label: '{digits}-stelliger Code',
    hint: 'Der Code ändert sich alle {period} Sekunden. Leerzeichen sind erlaubt.',
    submit: 'Bestätigen',
    back: 'QR-Code erneut anzeigen',
    incomplete: 'Geben Sie alle {digits} Stellen des Codes ein.',
    wrong: {
      one: 'Dieser Code hat nicht funktioniert. Prüfen Sie die Uhrzeit Ihres Smartphones und geben Sie den neuesten Code ein. Noch 1 Versuch.',
      other:
        'Dieser Code hat nicht funktioniert. Prüfen Sie die Uhrzeit Ihres Smartphones und geben Sie den neuesten Code ein. Noch {count} Versuche.',
    },
    sameQr: 'Das ist derselbe QR-Code wie zuvor. Scannen Sie ihn, falls das Konto noch nicht in Ihrer App ist.',
  },
  countdown: {
    timeLeft: 'Verbleibende Zeit: {time}',
    warning: 'Weniger als {count} Minuten, um die Einrichtung abzuschließen.',
  },
  confirmCancel: {
    heading: 'Einrichtung abbrechen?',
    intro: 'Ein bereits in der App hinzugefügtes Konto wird nicht funktionieren. Sie können jederzeit neu beginnen.',
    confirm: 'Ja, Einrichtung abbrechen',
    dismiss: 'Nein, fortfahren',
  },
  cancelled: {
    heading: 'Einrichtung abgebrochen',
    body: 'Ihrem Konto wurde nichts hinzugefügt. Falls Sie den QR-Code schon gescannt haben, löschen Sie den Eintrag in Ihrer App.',
  },
  exhausted: {
    heading: 'Zu viele falsche Codes',
    body: 'Zu Ihrer Sicherheit wurde diese Einrichtung entfernt. Löschen Sie den Eintrag in Ihrer App und beginnen Sie neu, um einen neuen QR-Code zu erhalten.',
  },
  expired: {
    heading: 'Die Einrichtung ist abgelaufen',
    body: 'Der Code wurde nicht rechtzeitig bestätigt, daher funktioniert dieser QR-Code nicht mehr. Löschen Sie den Eintrag in Ihrer App und beginnen Sie neu.',
  },
  alreadyEnrolled: {
    heading: 'Sie haben bereits eine Authenticator-App',
    body: 'Es gibt nichts einzurichten. Wenden Sie sich an Ihren Helpdesk, um Ihr Gerät zu ersetzen.',
  },
  done: {
    heading: 'Ihre Authenticator-App ist bereit',
    body: 'Geben Sie ab jetzt bei der Anmeldung den Code aus Ihrer App ein. Behalten Sie die App auf Ihrem Smartphone; wenn Sie es verlieren, wenden Sie sich an Ihren Helpdesk.',
    device: 'Gerät: {description}',
  },
  problems: {
    unauthenticated: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    invalid_credentials: 'Benutzername, Passwort oder Code stimmen nicht.',
    launch_token_invalid: 'Der verwendete Link ist abgelaufen oder ungültig. Öffnen Sie diese Seite erneut über Ihr Portal.',
    forbidden_origin: 'Diese Seite darf den Einrichtungsdienst nicht verwenden.',
    rate_limited: 'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    upstream_unavailable: 'Der Anmeldeserver ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    network_error: 'Sie scheinen offline zu sein. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    invalid_request: 'Bitte prüfen Sie Ihre Eingabe.',
    no_pending_enrollment: 'Diese Einrichtung wurde an anderer Stelle beendet, etwa in einem anderen Tab. Beginnen Sie neu.',
    other: 'Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es erneut.',
  },
  retryAfter: {
    one: 'Sie können es in 1 Sekunde erneut versuchen.',
    other: 'Sie können es in {count} Sekunden erneut versuchen.',
  },
} satisfies Messages;
