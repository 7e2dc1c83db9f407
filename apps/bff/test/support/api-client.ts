import type { EnrollmentOf, MethodType, Problem, TotpEnrollment } from '@pi-enroll/shared';

/** A body that may be the expected answer or a problem document: tests look at either. */
export type ProblemFields = Partial<Omit<Problem, 'status'>> & { status?: number | string };

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A browser stand-in: one cookie jar, JSON in and out, an Origin like the widget's. */
export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The raw cookie header, to replay an old session on purpose. */
  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  set cookieHeader(header: string) {
    this.cookies = new Map(
      header
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
          const index = part.indexOf('=');
          return [part.slice(0, index), part.slice(index + 1)] as [string, string];
        }),
    );
  }

  /**
   * Who GET /session says is signed in: their name, or null when nobody is (204 for a request without any
   * session, 401 `unauthenticated` for one that ended or is not valid). Anything else is a failure.
   */
  async signedInUser(): Promise<string | null> {
    const response = await this.get<{ user?: { username: string }; code?: string }>('/api/v1/session');
    if (response.status === 200 && response.body.user) return response.body.user.username;
    if (response.status === 204 || (response.status === 401 && response.body.code === 'unauthenticated')) return null;
    throw new Error(`GET /session answered ${response.status}`);
  }

  /** `headers` override the defaults; a header given as '' is left out (e.g. a request without Origin). */
  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const merged: Record<string, string> = {
      origin: new URL(this.baseUrl).origin,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(this.cookies.size > 0 ? { cookie: this.cookieHeader } : {}),
      ...headers,
    };
    const init: RequestInit = {
      method,
      headers: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== '')),
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    };
    const response = await fetch(new URL(path, this.baseUrl), init);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=thu, 01 jan 1970/i.test(attribute)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text.length > 0 && /json/.test(response.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  startEnrollment(description?: string) {
    return this.post<Omit<TotpEnrollment, 'status'> & ProblemFields>('/api/v1/enrollment', description === undefined ? {} : { description });
  }
  /** Starts an enrollment of one method; the answer is that method's view (or a problem). */
  start<T extends MethodType>(type: T, body: Record<string, unknown> = {}) {
    return this.post<Omit<EnrollmentOf<T>, 'status'> & ProblemFields>('/api/v1/enrollment', { type, ...body });
  }
  resend() {
    return this.post<Omit<EnrollmentOf<'email'>, 'status'> & ProblemFields>('/api/v1/enrollment/resend', {});
  }
  verify(code: string) {
    return this.post<ProblemFields & { serial?: string }>('/api/v1/enrollment/verify', { code });
  }
}
