import type { Messages } from './en';

// Français. `satisfies Messages` lets the compiler refuse a missing or misspelt key.
// Typography: a narrow no-break space (\u202f) before : ; ? ! and inside « », a no-break space (\u00a0) between a
// number and its unit. Plural forms: French `one` also covers 0; `many` (large numbers) falls back to `other`.
export default {
  widgetLabel: 'Configuration de l’application d’authentification',
  common: {
    busy: 'Veuillez patienter…',
    retry: 'Réessayer',
    startAgain: 'Recommencer',
    cancel: 'Annuler la configuration',
    errorPrefix: 'Erreur\u202f:',
    signOut: 'Se déconnecter',
    back: 'Retour',
  },
  loading: { heading: 'Chargement…' },
  unavailable: { heading: 'La configuration n’est pas disponible pour le moment' },
  signIn: {
    heading: 'Connexion',
    intro: 'Connectez-vous pour configurer une application d’authentification pour votre compte.',
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    otp: 'Code de votre authentificateur actuel',
    otpHint: 'Votre compte dispose déjà d’un second facteur. Pour continuer, saisissez un code fourni par celui-ci. Vous avez perdu votre téléphone\u202f? Saisissez l’un de vos codes de récupération.',
    submit: 'Se connecter',
    demoHeading: 'Démo\u202f: se connecter en tant que',
    demoIntro: 'Ceci est une démo avec un serveur simulé. Choisissez un utilisateur\u202f:',
    notSignedInHeading: 'Vous n’êtes pas connecté',
    notSignedIn: 'Ouvrez de nouveau cette page depuis votre portail pour configurer une application d’authentification.',
  },
  start: {
    heading: 'Configurer votre application d’authentification',
    intro:
      'Vous allez scanner un code QR avec une application d’authentification sur votre téléphone, comme Microsoft Authenticator, Google Authenticator, Aegis ou FreeOTP, puis saisir le code qu’elle affiche pour vérifier que tout fonctionne.',
    submit: 'Commencer la configuration',
    defaultDescription: 'Application d’authentification, ajoutée le {date}',
    appsHeading: 'Pas encore d’application d’authentification\u202f? Installez-en une\u202f:',
    appStore: '{app} sur l’App Store',
    googlePlay: '{app} sur Google Play',
    backToMethods: 'Retour à vos méthodes de connexion',
  },
  resume: {
    heading: 'Terminer la configuration',
    intro:
      'Vous avez déjà commencé à configurer une application d’authentification. Continuez avec le même code QR ou recommencez avec un nouveau.',
    continue: 'Continuer avec le même code QR',
    startOver: 'Recommencer depuis le début',
  },
  scan: {
    heading: 'Scannez le code QR, puis saisissez le code',
    intro: 'Dans votre application d’authentification, ajoutez un compte et scannez ce code QR. Saisissez ensuite le code affiché par l’application.',
    qrLabel: 'Code QR pour {account} chez {issuer}',
    qrLoading: 'Chargement du code QR…',
    qrUnavailable:
      'Le code QR n’a pas pu être chargé. Rechargez la page ou ajoutez le compte manuellement sous «\u202fImpossible de scanner le code\u202f?\u202f».',
    openInApp: 'Ouvrir dans l’application d’authentification',
    openInAppHint: 'Vous êtes sur ce téléphone\u202f? Ajoutez directement le compte à votre application d’authentification.',
  },
  manualKey: {
    summary: 'Impossible de scanner le code\u202f?',
    intro: 'Ajoutez le compte manuellement avec ces informations\u202f:',
    key: 'Clé',
    copy: 'Copier la clé',
    copied: 'Clé copiée.',
    copyFailed: 'Impossible de copier. Sélectionnez la clé et copiez-la.',
    account: 'Compte',
    issuer: 'Émetteur',
    type: 'Type',
    typeValue: 'Basé sur le temps (TOTP)',
    algorithm: 'Algorithme',
    digits: 'Chiffres',
    period: 'Intervalle',
    periodValue: '{count} secondes',
    nonDefault: 'Réglez également ces paramètres (toutes les applications ne les prennent pas en charge)\u202f:',
  },
  code: {
    label: 'Code à {digits} chiffres',
    hint: 'Le code change toutes les {period} secondes. Les espaces sont acceptés.',
    submit: 'Confirmer',
    incomplete: 'Saisissez les {digits} chiffres du code.',
    wrong: {
      one: 'Ce code n’a pas fonctionné. Vérifiez que l’heure de votre téléphone est correcte et saisissez le code le plus récent. Il vous reste 1 tentative.',
      other:
        'Ce code n’a pas fonctionné. Vérifiez que l’heure de votre téléphone est correcte et saisissez le code le plus récent. Il vous reste {count} tentatives.',
    },
    sameQr: 'C’est le même code QR qu’avant. Scannez-le si le compte ne figure pas encore dans votre application.',
    clockBehind:
      'L’horloge de votre téléphone retarde d’environ {minutes}\u00a0min. Réglez la date et l’heure sur automatique, puis saisissez le code le plus récent.',
    clockAhead:
      'L’horloge de votre téléphone avance d’environ {minutes}\u00a0min. Réglez la date et l’heure sur automatique, puis saisissez le code le plus récent.',
    appIgnoresSettings:
      'Votre application d’authentification ne prend pas en charge ces paramètres ({settings})\u202f; ses codes ne peuvent donc pas fonctionner.',
    appIgnoresSettingsNoFallback:
      'Votre application d’authentification ne prend pas en charge ces paramètres ({settings})\u202f; ses codes ne peuvent donc pas fonctionner. Utilisez une application qui les prend en charge, comme Aegis, Bitwarden, 1Password, FreeOTP ou privacyIDEA Authenticator.',
    settingNames: { algorithm: 'algorithme', digits: 'nombre de chiffres', period: 'intervalle de temps' },
    useCompatibleSettings: 'Utiliser des paramètres pris en charge par toutes les applications',
    attemptsLeft: { one: 'Il vous reste 1 tentative.', other: 'Il vous reste {count} tentatives.' },
  },
  countdown: {
    timeLeft: 'Temps restant\u202f: {time}',
    warning: 'Il reste moins de {count} minutes pour terminer la configuration.',
  },
  confirmCancel: {
    heading: 'Annuler la configuration\u202f?',
    intro: 'Le compte que vous avez peut-être ajouté dans votre application ne fonctionnera pas. Vous pouvez recommencer à tout moment.',
    confirm: 'Oui, annuler la configuration',
    dismiss: 'Non, continuer',
  },
  cancelled: {
    heading: 'Configuration annulée',
    body: 'Rien n’a été ajouté à votre compte. Si vous avez déjà scanné le code QR, supprimez cette entrée de votre application.',
  },
  exhausted: {
    heading: 'Trop de codes incorrects',
    body: 'Pour votre sécurité, cette configuration a été supprimée. Supprimez l’entrée de votre application, puis recommencez pour obtenir un nouveau code QR.',
  },
  expired: {
    heading: 'La configuration a expiré',
    body: 'Le code n’a pas été confirmé à temps\u202f; ce code QR ne fonctionne donc plus. Supprimez l’entrée de votre application, puis recommencez.',
  },
  alreadyEnrolled: {
    heading: 'Vous avez déjà une application d’authentification',
    body: 'Il n’y a rien à configurer. Vos méthodes de connexion indiquent ce dont vous disposez.',
  },
  done: {
    heading: 'Votre application d’authentification est prête',
    body: 'Désormais, lorsque vous vous connectez, saisissez le code affiché par votre application. Gardez l’application sur votre téléphone\u202f; si vous perdez le téléphone, contactez votre service d’assistance.',
    clockWarning:
      'L’horloge de votre téléphone est décalée d’environ {minutes}\u00a0min. Réglez la date et l’heure sur automatique, sinon ses codes risquent de ne plus fonctionner.',
    replaced: 'La méthode «\u202f{description}\u202f» a été supprimée de votre compte.',
    deviceName: 'Nom de l’appareil',
    deviceNameHint: 'Vous aide à reconnaître plus tard cette méthode de connexion, par exemple «\u202fTéléphone professionnel\u202f».',
    saveName: 'Enregistrer le nom',
    nameSaved: 'Enregistré.',
    backTo: 'Retour à {site}',
    close: 'Fermer',
    showMethods: 'Vos méthodes de connexion',
  },
  problems: {
    unauthenticated: 'Votre session a pris fin. Veuillez vous reconnecter.',
    invalid_credentials: 'Le nom d’utilisateur, le mot de passe ou le code est incorrect.',
    launch_token_invalid: 'Le lien utilisé a expiré ou n’est pas valide. Ouvrez de nouveau cette page depuis votre portail.',
    forbidden_origin: 'Cette page n’est pas autorisée à utiliser le service de configuration.',
    rate_limited: 'Trop de tentatives. Veuillez patienter un instant, puis réessayer.',
    upstream_unavailable: 'Le serveur de connexion est injoignable pour le moment. Veuillez réessayer dans un instant.',
    network_error: 'Vous semblez être hors ligne. Vérifiez votre connexion et réessayez.',
    invalid_request: 'Veuillez vérifier votre saisie.',
    no_pending_enrollment: 'Cette configuration a été terminée ailleurs, par exemple dans un autre onglet. Recommencez.',
    not_found: 'Cette méthode de connexion n’existe plus. La liste affiche les méthodes actuelles.',
    last_method: 'Votre dernière méthode de connexion ne peut pas être supprimée.',
    step_up_required: 'Veuillez d’abord confirmer votre identité avec un code.',
    other: 'Une erreur s’est produite de notre côté. Veuillez réessayer.',
  },
  retryAfter: {
    one: 'Vous pourrez réessayer dans 1 seconde.',
    other: 'Vous pourrez réessayer dans {count} secondes.',
  },
  unavailableCountdown: { one: 'Nouvelle tentative dans 1 seconde…', other: 'Nouvelle tentative dans {count} secondes…' },
} satisfies Messages;
