import { app, session, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../shared/api/content-security-policy';
import { isOurPageUrl, isOurResourceUrl } from './windows';

// Sent as a header as well as the page's meta tag, so the policy holds even where the meta tag does not reach.

/** Our pages never leave themselves: links and redirects to anywhere else are refused. */
function guardWebContents(contents: WebContents): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }) => {
    if (!isOurPageUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Camera, notifications, clipboard reads, USB...: nothing is granted unless a feature asks for it here. */
function guardSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);

  // The council's data stays on this computer: no request leaves for the network.
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isOurResourceUrl(details.url) });
  });

  target.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    responseHeaders['Content-Security-Policy'] = [contentSecurityPolicy];
    callback({ responseHeaders });
  });
}

/** Call once the app is ready and before any window opens. */
export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  guardSession(session.defaultSession);
  app.on('session-created', guardSession);
}
