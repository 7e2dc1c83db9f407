import type { Messages } from './en';

// Italiano (forma di cortesia, Lei; possessives in lower case: «il suo account»). Buttons use the usual short UI
// forms (Accedi, Annulla, Conferma). `satisfies Messages` lets the compiler refuse a missing or misspelt key.
// Plural forms: `many` (large numbers) falls back to `other`.
export default {
  widgetLabel: 'Configurazione dell’app di autenticazione',
  common: {
    busy: 'Attendere…',
    retry: 'Riprova',
    startAgain: 'Ricomincia',
    cancel: 'Annulla la configurazione',
    errorPrefix: 'Errore:',
    signOut: 'Esci',
    back: 'Indietro',
  },
  loading: { heading: 'Caricamento…' },
  unavailable: { heading: 'La configurazione non è disponibile al momento' },
  signIn: {
    heading: 'Accesso',
    intro: 'Acceda per configurare un’app di autenticazione per il suo account.',
    username: 'Nome utente',
    password: 'Password',
    otp: 'Codice del suo autenticatore attuale',
    otpHint: 'Il suo account ha già un secondo fattore. Per continuare, inserisca un codice generato da quest’ultimo. Ha perso il telefono? Inserisca uno dei suoi codici di recupero.',
    submit: 'Accedi',
    demoHeading: 'Demo: accedi come',
    demoIntro: 'Questa è una demo con un server simulato. Scelga un utente:',
    notSignedInHeading: 'Non ha effettuato l’accesso',
    notSignedIn: 'Riapra questa pagina dal suo portale per configurare un’app di autenticazione.',
  },
  start: {
    heading: 'Configuri la sua app di autenticazione',
    intro:
      'Scansionerà un codice QR con un’app di autenticazione sul suo telefono, ad esempio Microsoft Authenticator, Google Authenticator, Aegis o FreeOTP, quindi inserirà il codice mostrato dall’app per verificare che funzioni.',
    submit: 'Avvia la configurazione',
    defaultDescription: 'App di autenticazione, aggiunta in data {date}',
    appsHeading: 'Non ha ancora un’app di autenticazione? Ne installi una:',
    appStore: '{app} su App Store',
    googlePlay: '{app} su Google Play',
    backToMethods: 'Torna ai suoi metodi di accesso',
  },
  resume: {
    heading: 'Completi la configurazione',
    intro:
      'Ha già iniziato a configurare un’app di autenticazione. Continui con lo stesso codice QR o ricominci con uno nuovo.',
    continue: 'Continua con lo stesso codice QR',
    startOver: 'Ricomincia da capo',
  },
  scan: {
    heading: 'Scansioni il codice QR, poi inserisca il codice',
    intro: 'Nella sua app di autenticazione aggiunga un account e scansioni questo codice QR. Poi inserisca il codice mostrato dall’app.',
    qrLabel: 'Codice QR per {account} presso {issuer}',
    qrLoading: 'Caricamento del codice QR…',
    qrUnavailable:
      'Impossibile caricare il codice QR. Ricarichi la pagina oppure aggiunga l’account manualmente da “Non riesce a scansionare il codice?”.',
    openInApp: 'Apri nell’app di autenticazione',
    openInAppHint: 'È su questo telefono? Aggiunga l’account direttamente alla sua app di autenticazione.',
  },
  manualKey: {
    summary: 'Non riesce a scansionare il codice?',
    intro: 'Aggiunga l’account manualmente con questi dati:',
    key: 'Chiave',
    copy: 'Copia la chiave',
    copied: 'Chiave copiata.',
    copyFailed: 'Impossibile copiare. Selezioni la chiave e la copi.',
    account: 'Account',
    issuer: 'Emittente',
    type: 'Tipo',
    typeValue: 'Basato sul tempo (TOTP)',
    algorithm: 'Algoritmo',
    digits: 'Cifre',
    period: 'Intervallo',
    periodValue: '{count} secondi',
    nonDefault: 'Imposti anche questi valori (non tutte le app li supportano):',
  },
  code: {
    label: 'Codice a {digits} cifre',
    hint: 'Il codice cambia ogni {period} secondi. Gli spazi sono ammessi.',
    submit: 'Conferma',
    incomplete: 'Inserisca tutte le {digits} cifre del codice.',
    wrong: {
      one: 'Questo codice non ha funzionato. Verifichi che l’ora del suo telefono sia corretta e inserisca il codice più recente. Rimane 1 tentativo.',
      other:
        'Questo codice non ha funzionato. Verifichi che l’ora del suo telefono sia corretta e inserisca il codice più recente. Rimangono {count} tentativi.',
    },
    sameQr: 'È lo stesso codice QR di prima. Lo scansioni se l’account non è ancora nella sua app.',
    clockBehind:
      'L’orologio del suo telefono è indietro di circa {minutes} min. Imposti data e ora automatiche, poi inserisca il codice più recente.',
    clockAhead:
      'L’orologio del suo telefono è avanti di circa {minutes} min. Imposti data e ora automatiche, poi inserisca il codice più recente.',
    appIgnoresSettings:
      'La sua app di autenticazione non supporta queste impostazioni ({settings}), quindi i suoi codici non possono funzionare.',
    appIgnoresSettingsNoFallback:
      'La sua app di autenticazione non supporta queste impostazioni ({settings}), quindi i suoi codici non possono funzionare. Usi un’app che le supporti, ad esempio Aegis, Bitwarden, 1Password, FreeOTP o privacyIDEA Authenticator.',
    settingNames: { algorithm: 'algoritmo', digits: 'numero di cifre', period: 'intervallo di tempo' },
    useCompatibleSettings: 'Usa impostazioni supportate da tutte le app',
    attemptsLeft: { one: 'Rimane 1 tentativo.', other: 'Rimangono {count} tentativi.' },
  },
  countdown: {
    timeLeft: 'Tempo rimanente: {time}',
    warning: 'Mancano meno di {count} minuti per completare la configurazione.',
  },
  confirmCancel: {
    heading: 'Annullare la configurazione?',
    intro: 'L’account che potrebbe aver aggiunto nella sua app non funzionerà. Può ricominciare in qualsiasi momento.',
    confirm: 'Sì, annulla la configurazione',
    dismiss: 'No, continua',
  },
  cancelled: {
    heading: 'Configurazione annullata',
    body: 'Non è stato aggiunto nulla al suo account. Se ha già scansionato il codice QR, elimini quella voce dalla sua app.',
  },
  exhausted: {
    heading: 'Troppi codici errati',
    body: 'Per la sua sicurezza, questa configurazione è stata rimossa. Elimini la voce dalla sua app, poi ricominci per ottenere un nuovo codice QR.',
  },
  expired: {
    heading: 'La configurazione è scaduta',
    body: 'Il codice non è stato confermato in tempo, quindi questo codice QR non funziona più. Elimini la voce dalla sua app, poi ricominci.',
  },
  alreadyEnrolled: {
    heading: 'Ha già un’app di autenticazione',
    body: 'Non c’è nulla da configurare. I suoi metodi di accesso mostrano ciò che ha.',
  },
  done: {
    heading: 'La sua app di autenticazione è pronta',
    body: 'D’ora in poi, quando accede, inserisca il codice mostrato dalla sua app. Tenga l’app sul telefono; se perde il telefono, si rivolga al suo help desk.',
    clockWarning:
      'L’orologio del suo telefono è sfasato di circa {minutes} min. Imposti data e ora automatiche, altrimenti i suoi codici potrebbero smettere di funzionare.',
    replaced: 'Il metodo “{description}” è stato rimosso dal suo account.',
    deviceName: 'Nome del dispositivo',
    deviceNameHint: 'La aiuta a riconoscere in seguito questo metodo di accesso, ad esempio “Telefono di lavoro”.',
    saveName: 'Salva il nome',
    nameSaved: 'Salvato.',
    backTo: 'Torna a {site}',
    close: 'Chiudi',
    showMethods: 'I suoi metodi di accesso',
  },
  problems: {
    unauthenticated: 'La sua sessione è terminata. Acceda di nuovo.',
    invalid_credentials: 'Il nome utente, la password o il codice non sono corretti.',
    launch_token_invalid: 'Il link utilizzato è scaduto o non è valido. Riapra questa pagina dal suo portale.',
    forbidden_origin: 'Questa pagina non è autorizzata a usare il servizio di configurazione.',
    rate_limited: 'Troppi tentativi. Attenda un momento, poi riprovi.',
    upstream_unavailable: 'Il server di accesso non è raggiungibile al momento. Riprovi tra poco.',
    network_error: 'Sembra che sia offline. Controlli la connessione e riprovi.',
    invalid_request: 'Controlli i dati inseriti.',
    no_pending_enrollment: 'Questa configurazione è stata chiusa altrove, ad esempio in un’altra scheda. Ricominci.',
    not_found: 'Questo metodo di accesso non esiste più. L’elenco mostra quelli attuali.',
    last_method: 'Il suo ultimo metodo di accesso non può essere rimosso.',
    step_up_required: 'Confermi prima la sua identità con un codice.',
    other: 'Si è verificato un errore da parte nostra. Riprovi.',
  },
  retryAfter: {
    one: 'Potrà riprovare tra 1 secondo.',
    other: 'Potrà riprovare tra {count} secondi.',
  },
  unavailableCountdown: { one: 'Nuovo tentativo tra 1 secondo…', other: 'Nuovo tentativo tra {count} secondi…' },
} satisfies Messages;
