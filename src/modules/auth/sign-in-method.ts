/** How a session was signed in (sessions.method). */
export enum SignInMethod {
  PASSWORD = 'PASSWORD',
  SSO = 'SSO',
}
