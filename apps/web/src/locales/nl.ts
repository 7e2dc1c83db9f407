import type { Messages } from './en';

// Nederlands (u). `satisfies Messages` lets the compiler refuse a missing or misspelt key.
// Quotes are “ ” (single ‘ ’ would clash with the apostrophe in words like “QR-code’s”).
export default {
  widgetLabel: 'Authenticator-app instellen',
  common: {
    busy: 'Even geduld…',
    retry: 'Opnieuw proberen',
    startAgain: 'Opnieuw beginnen',
    cancel: 'Instellen annuleren',
    errorPrefix: 'Fout:',
    signOut: 'Afmelden',
    back: 'Terug',
  },
  loading: { heading: 'Laden…' },
  unavailable: { heading: 'Instellen is op dit moment niet mogelijk' },
  signIn: {
    heading: 'Aanmelden',
    intro: 'Meld u aan om een authenticator-app voor uw account in te stellen.',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    otp: 'Code van uw huidige authenticator',
    otpHint: 'Uw account heeft al een tweede factor. Voer een code daarvan in om verder te gaan. Telefoon kwijt? Voer een van uw herstelcodes in.',
    submit: 'Aanmelden',
    demoHeading: 'Demo: aanmelden als',
    demoIntro: 'Dit is een demo met een gesimuleerde server. Kies een gebruiker:',
    notSignedInHeading: 'U bent niet aangemeld',
    notSignedIn: 'Open deze pagina opnieuw via uw portaal om een authenticator-app in te stellen.',
  },
  start: {
    heading: 'Uw authenticator-app instellen',
    intro:
      'U scant een QR-code met een authenticator-app op uw telefoon, zoals Microsoft Authenticator, Google Authenticator, Aegis of FreeOTP, en voert daarna de code in die de app toont, om te bevestigen dat het werkt.',
    submit: 'Instellen starten',
    defaultDescription: 'Authenticator-app, toegevoegd op {date}',
    appsHeading: 'Nog geen authenticator-app? Installeer er een:',
    appStore: '{app} in de App Store',
    googlePlay: '{app} op Google Play',
    backToMethods: 'Terug naar uw aanmeldmethoden',
  },
  resume: {
    heading: 'Instellen afronden',
    intro:
      'U bent eerder begonnen met het instellen van een authenticator-app. Ga verder met dezelfde QR-code of begin opnieuw met een nieuwe.',
    continue: 'Doorgaan met dezelfde QR-code',
    startOver: 'Helemaal opnieuw beginnen',
  },
  scan: {
    heading: 'Scan de QR-code en voer daarna de code in',
    intro: 'Voeg in uw authenticator-app een account toe en scan deze QR-code. Voer daarna de code in die de app toont.',
    qrLabel: 'QR-code voor {account} bij {issuer}',
    qrLoading: 'QR-code laden…',
    qrUnavailable:
      'De QR-code kon niet worden geladen. Laad de pagina opnieuw of voeg het account handmatig toe via “Kunt u de code niet scannen?”.',
    openInApp: 'Openen in de authenticator-app',
    openInAppHint: 'Op deze telefoon? Voeg het account direct toe aan uw authenticator-app.',
  },
  manualKey: {
    summary: 'Kunt u de code niet scannen?',
    intro: 'Voeg het account handmatig toe met deze gegevens:',
    key: 'Sleutel',
    copy: 'Sleutel kopiëren',
    copied: 'Sleutel gekopieerd.',
    copyFailed: 'Kopiëren is mislukt. Selecteer de sleutel en kopieer deze.',
    account: 'Account',
    issuer: 'Uitgever',
    type: 'Type',
    typeValue: 'Tijdgebaseerd (TOTP)',
    algorithm: 'Algoritme',
    digits: 'Cijfers',
    period: 'Interval',
    periodValue: '{count} seconden',
    nonDefault: 'Stel ook deze waarden in (niet elke app ondersteunt ze):',
  },
  code: {
    label: 'Code van {digits} cijfers',
    hint: 'De code verandert elke {period} seconden. Spaties zijn toegestaan.',
    submit: 'Bevestigen',
    incomplete: 'Voer alle {digits} cijfers van de code in.',
    wrong: {
      one: 'Die code werkte niet. Controleer of de tijd op uw telefoon klopt en voer de nieuwste code in. Nog 1 poging over.',
      other:
        'Die code werkte niet. Controleer of de tijd op uw telefoon klopt en voer de nieuwste code in. Nog {count} pogingen over.',
    },
    sameQr: 'Dit is dezelfde QR-code als eerder. Scan deze als het account nog niet in uw app staat.',
    clockBehind:
      'De klok van uw telefoon loopt ongeveer {minutes} min. achter. Zet datum en tijd op automatisch en voer daarna de nieuwste code in.',
    clockAhead:
      'De klok van uw telefoon loopt ongeveer {minutes} min. voor. Zet datum en tijd op automatisch en voer daarna de nieuwste code in.',
    appIgnoresSettings: 'Uw authenticator-app ondersteunt deze instellingen niet ({settings}), dus de codes van de app kunnen niet werken.',
    appIgnoresSettingsNoFallback:
      'Uw authenticator-app ondersteunt deze instellingen niet ({settings}), dus de codes van de app kunnen niet werken. Gebruik een app die ze wel ondersteunt, zoals Aegis, Bitwarden, 1Password, FreeOTP of privacyIDEA Authenticator.',
    settingNames: { algorithm: 'algoritme', digits: 'aantal cijfers', period: 'tijdstap' },
    useCompatibleSettings: 'Instellingen gebruiken die elke app ondersteunt',
    attemptsLeft: { one: 'Nog 1 poging over.', other: 'Nog {count} pogingen over.' },
  },
  countdown: {
    timeLeft: 'Resterende tijd: {time}',
    warning: 'Nog minder dan {count} minuten om het instellen af te ronden.',
  },
  confirmCancel: {
    heading: 'Instellen annuleren?',
    intro: 'Het account dat u misschien al in uw app hebt toegevoegd, zal niet werken. U kunt op elk moment opnieuw beginnen.',
    confirm: 'Ja, instellen annuleren',
    dismiss: 'Nee, doorgaan',
  },
  cancelled: {
    heading: 'Instellen geannuleerd',
    body: 'Er is niets aan uw account toegevoegd. Hebt u de QR-code al gescand? Verwijder die vermelding dan uit uw app.',
  },
  exhausted: {
    heading: 'Te veel onjuiste codes',
    body: 'Voor uw veiligheid is het instellen stopgezet. Verwijder de vermelding uit uw app en begin opnieuw voor een nieuwe QR-code.',
  },
  expired: {
    heading: 'Het instellen is verlopen',
    body: 'De code is niet op tijd bevestigd, daarom werkt deze QR-code niet meer. Verwijder de vermelding uit uw app en begin opnieuw.',
  },
  alreadyEnrolled: {
    heading: 'U hebt al een authenticator-app',
    body: 'Er is niets in te stellen. Uw aanmeldmethoden laten zien wat u hebt.',
  },
  done: {
    heading: 'Uw authenticator-app is klaar',
    body: 'Voer voortaan bij het aanmelden de code in die uw app toont. Houd de app op uw telefoon; raakt u de telefoon kwijt, neem dan contact op met uw helpdesk.',
    clockWarning:
      'De klok van uw telefoon wijkt ongeveer {minutes} min. af. Zet datum en tijd op automatisch, anders werken de codes mogelijk niet meer.',
    replaced: '“{description}” is uit uw account verwijderd.',
    deviceName: 'Apparaatnaam',
    deviceNameHint: 'Zo herkent u deze aanmeldmethode later terug, bijvoorbeeld “Werktelefoon”.',
    saveName: 'Naam opslaan',
    nameSaved: 'Opgeslagen.',
    backTo: 'Terug naar {site}',
    close: 'Sluiten',
    showMethods: 'Uw aanmeldmethoden',
  },
  problems: {
    unauthenticated: 'Uw sessie is beëindigd. Meld u opnieuw aan.',
    invalid_credentials: 'De gebruikersnaam, het wachtwoord of de code klopt niet.',
    launch_token_invalid: 'De gebruikte link is verlopen of ongeldig. Open deze pagina opnieuw via uw portaal.',
    forbidden_origin: 'Deze pagina mag de instelservice niet gebruiken.',
    rate_limited: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
    upstream_unavailable: 'De aanmeldserver is op dit moment niet bereikbaar. Probeer het zo meteen opnieuw.',
    network_error: 'U lijkt offline te zijn. Controleer uw verbinding en probeer het opnieuw.',
    invalid_request: 'Controleer wat u hebt ingevoerd.',
    no_pending_enrollment: 'Het instellen is elders beëindigd, bijvoorbeeld in een ander tabblad. Begin opnieuw.',
    not_found: 'Deze aanmeldmethode bestaat niet meer. De lijst toont wat er nu is.',
    last_method: 'Uw laatste aanmeldmethode kan niet worden verwijderd.',
    step_up_required: 'Bevestig eerst met een code dat u het bent.',
    other: 'Er is aan onze kant iets misgegaan. Probeer het opnieuw.',
  },
  retryAfter: {
    one: 'U kunt het over 1 seconde opnieuw proberen.',
    other: 'U kunt het over {count} seconden opnieuw proberen.',
  },
  unavailableCountdown: { one: 'Nieuwe poging over 1 seconde…', other: 'Nieuwe poging over {count} seconden…' },
} satisfies Messages;
