import type { Messages } from './en';

// Español (neutral, usted). `satisfies Messages` lets the compiler refuse a missing or misspelt key.
// Quotes are « » as the RAE recommends; questions and exclamations open with ¿ ¡. Plural forms: `many` (large
// numbers) falls back to `other`.
export default {
  widgetLabel: 'Configuración de la aplicación de autenticación',
  common: {
    busy: 'Espere, por favor…',
    retry: 'Reintentar',
    startAgain: 'Empezar de nuevo',
    cancel: 'Cancelar la configuración',
    errorPrefix: 'Error:',
    signOut: 'Cerrar sesión',
    back: 'Volver',
  },
  loading: { heading: 'Cargando…' },
  unavailable: { heading: 'La configuración no está disponible en este momento' },
  signIn: {
    heading: 'Iniciar sesión',
    intro: 'Inicie sesión para configurar una aplicación de autenticación en su cuenta.',
    username: 'Nombre de usuario',
    password: 'Contraseña',
    otp: 'Código de su autenticador actual',
    otpHint: 'Su cuenta ya tiene un segundo factor. Para continuar, introduzca un código generado por él. ¿Ha perdido su teléfono? Introduzca uno de sus códigos de recuperación.',
    submit: 'Iniciar sesión',
    demoHeading: 'Demostración: iniciar sesión como',
    demoIntro: 'Esta es una demostración con un servidor simulado. Elija un usuario:',
    notSignedInHeading: 'No ha iniciado sesión',
    notSignedIn: 'Vuelva a abrir esta página desde su portal para configurar una aplicación de autenticación.',
  },
  start: {
    heading: 'Configure su aplicación de autenticación',
    intro:
      'Escaneará un código QR con una aplicación de autenticación de su teléfono, como Microsoft Authenticator, Google Authenticator, Aegis o FreeOTP, y después introducirá el código que esta muestre para comprobar que funciona.',
    submit: 'Iniciar la configuración',
    defaultDescription: 'Aplicación de autenticación, añadida el {date}',
    appsHeading: '¿Aún no tiene una aplicación de autenticación? Instale una:',
    appStore: '{app} en el App Store',
    googlePlay: '{app} en Google Play',
    backToMethods: 'Volver a sus métodos de inicio de sesión',
  },
  resume: {
    heading: 'Termine la configuración',
    intro:
      'Ya había empezado a configurar una aplicación de autenticación. Continúe con el mismo código QR o vuelva a empezar con uno nuevo.',
    continue: 'Continuar con el mismo código QR',
    startOver: 'Volver a empezar',
  },
  scan: {
    heading: 'Escanee el código QR e introduzca el código',
    intro: 'En su aplicación de autenticación, añada una cuenta y escanee este código QR. Después, introduzca el código que muestre la aplicación.',
    qrLabel: 'Código QR de {account} en {issuer}',
    qrLoading: 'Cargando el código QR…',
    qrUnavailable:
      'No se ha podido cargar el código QR. Vuelva a cargar la página o añada la cuenta manualmente en «¿No puede escanear el código?».',
    openInApp: 'Abrir en la aplicación de autenticación',
    openInAppHint: '¿Está en este teléfono? Añada la cuenta directamente a su aplicación de autenticación.',
  },
  manualKey: {
    summary: '¿No puede escanear el código?',
    intro: 'Añada la cuenta manualmente con estos datos:',
    key: 'Clave',
    copy: 'Copiar la clave',
    copied: 'Clave copiada.',
    copyFailed: 'No se ha podido copiar. Seleccione la clave y cópiela.',
    account: 'Cuenta',
    issuer: 'Emisor',
    type: 'Tipo',
    typeValue: 'Basado en el tiempo (TOTP)',
    algorithm: 'Algoritmo',
    digits: 'Dígitos',
    period: 'Intervalo',
    periodValue: '{count} segundos',
    nonDefault: 'Configure también estos valores (no todas las aplicaciones los admiten):',
  },
  code: {
    label: 'Código de {digits} dígitos',
    hint: 'El código cambia cada {period} segundos. Puede incluir espacios.',
    submit: 'Confirmar',
    incomplete: 'Introduzca los {digits} dígitos del código.',
    wrong: {
      one: 'Ese código no ha funcionado. Compruebe que la hora de su teléfono es correcta e introduzca el código más reciente. Le queda 1 intento.',
      other:
        'Ese código no ha funcionado. Compruebe que la hora de su teléfono es correcta e introduzca el código más reciente. Le quedan {count} intentos.',
    },
    sameQr: 'Es el mismo código QR de antes. Escanéelo si la cuenta aún no está en su aplicación.',
    clockBehind:
      'El reloj de su teléfono va atrasado unos {minutes} min. Active la fecha y hora automáticas y, después, introduzca el código más reciente.',
    clockAhead:
      'El reloj de su teléfono va adelantado unos {minutes} min. Active la fecha y hora automáticas y, después, introduzca el código más reciente.',
    appIgnoresSettings: 'Su aplicación de autenticación no admite estos ajustes ({settings}), por lo que sus códigos no pueden funcionar.',
    appIgnoresSettingsNoFallback:
      'Su aplicación de autenticación no admite estos ajustes ({settings}), por lo que sus códigos no pueden funcionar. Use una aplicación que los admita, como Aegis, Bitwarden, 1Password, FreeOTP o privacyIDEA Authenticator.',
    settingNames: { algorithm: 'algoritmo', digits: 'número de dígitos', period: 'intervalo de tiempo' },
    useCompatibleSettings: 'Usar ajustes compatibles con todas las aplicaciones',
    attemptsLeft: { one: 'Le queda 1 intento.', other: 'Le quedan {count} intentos.' },
  },
  countdown: {
    timeLeft: 'Tiempo restante: {time}',
    warning: 'Quedan menos de {count} minutos para terminar la configuración.',
  },
  confirmCancel: {
    heading: '¿Cancelar la configuración?',
    intro: 'La cuenta que haya podido añadir en su aplicación no funcionará. Puede volver a empezar en cualquier momento.',
    confirm: 'Sí, cancelar la configuración',
    dismiss: 'No, continuar',
  },
  cancelled: {
    heading: 'Configuración cancelada',
    body: 'No se ha añadido nada a su cuenta. Si ya ha escaneado el código QR, elimine esa entrada de su aplicación.',
  },
  exhausted: {
    heading: 'Demasiados códigos incorrectos',
    body: 'Por su seguridad, se ha eliminado esta configuración. Elimine la entrada de su aplicación y vuelva a empezar para obtener un nuevo código QR.',
  },
  expired: {
    heading: 'La configuración ha caducado',
    body: 'El código no se confirmó a tiempo, por lo que este código QR ya no funciona. Elimine la entrada de su aplicación y vuelva a empezar.',
  },
  alreadyEnrolled: {
    heading: 'Ya tiene una aplicación de autenticación',
    body: 'No hay nada que configurar. Sus métodos de inicio de sesión muestran lo que tiene.',
  },
  done: {
    heading: 'Su aplicación de autenticación está lista',
    body: 'A partir de ahora, al iniciar sesión, introduzca el código que muestre su aplicación. Conserve la aplicación en su teléfono; si pierde el teléfono, póngase en contacto con su servicio de asistencia.',
    clockWarning:
      'El reloj de su teléfono tiene un desfase de unos {minutes} min. Active la fecha y hora automáticas; de lo contrario, sus códigos podrían dejar de funcionar.',
    replaced: 'Se ha eliminado «{description}» de su cuenta.',
    deviceName: 'Nombre del dispositivo',
    deviceNameHint: 'Le ayuda a reconocer más adelante este método de inicio de sesión, por ejemplo, «Teléfono del trabajo».',
    saveName: 'Guardar el nombre',
    nameSaved: 'Guardado.',
    backTo: 'Volver a {site}',
    close: 'Cerrar',
    showMethods: 'Sus métodos de inicio de sesión',
  },
  problems: {
    unauthenticated: 'Su sesión ha finalizado. Vuelva a iniciar sesión.',
    invalid_credentials: 'El nombre de usuario, la contraseña o el código no son correctos.',
    launch_token_invalid: 'El enlace que ha usado ha caducado o no es válido. Vuelva a abrir esta página desde su portal.',
    forbidden_origin: 'Esta página no tiene permiso para usar el servicio de configuración.',
    rate_limited: 'Demasiados intentos. Espere un momento y vuelva a intentarlo.',
    upstream_unavailable: 'No se puede conectar con el servidor de inicio de sesión en este momento. Vuelva a intentarlo en unos instantes.',
    network_error: 'Parece que no tiene conexión. Compruébela y vuelva a intentarlo.',
    invalid_request: 'Revise los datos introducidos.',
    no_pending_enrollment: 'Esta configuración se terminó en otro lugar, por ejemplo, en otra pestaña. Vuelva a empezar.',
    not_found: 'Este método de inicio de sesión ya no existe. La lista muestra los que hay ahora.',
    last_method: 'No se puede eliminar su último método de inicio de sesión.',
    step_up_required: 'Primero, confirme su identidad con un código.',
    other: 'Algo ha fallado por nuestra parte. Vuelva a intentarlo.',
  },
  retryAfter: {
    one: 'Podrá volver a intentarlo en 1 segundo.',
    other: 'Podrá volver a intentarlo en {count} segundos.',
  },
  unavailableCountdown: { one: 'Nuevo intento en 1 segundo…', other: 'Nuevo intento en {count} segundos…' },
} satisfies Messages;
