/** Werkzeug's HTML error pages, which privacyIDEA answers for URLs it has no route for (recorded: `POST /auth/`). */
export function htmlPage(status: 400 | 404 | 405 | 413): string {
  const pages = {
    400: ['400 Bad Request', 'Bad Request', 'The browser (or proxy) sent a request that this server could not understand.'],
    404: [
      '404 Not Found',
      'Not Found',
      'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
    ],
    405: ['405 Method Not Allowed', 'Method Not Allowed', 'The method is not allowed for the requested URL.'],
    413: ['413 Request Entity Too Large', 'Request Entity Too Large', 'The data value transmitted exceeds the capacity limit.'],
  } as const;
  const [title, heading, text] = pages[status];
  return `<!doctype html>\n<html lang=en>\n<title>${title}</title>\n<h1>${heading}</h1>\n<p>${text}</p>\n`;
}

/** Werkzeug's redirect page for a URL missing its trailing slash (e.g. `/token` → `/token/`). */
export function redirectPage(location: string): string {
  return (
    '<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n' +
    `<p>You should be redirected automatically to the target URL: <a href="${location}">${location}</a>. If not, click the link.\n`
  );
}
