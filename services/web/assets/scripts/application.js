// Enhancements only: every task works without this file (progressive enhancement).
import { initAll as initGovukFrontend } from './govuk-frontend.min.js';
import { initAll as initMojFrontend } from './moj-frontend.min.js';

initGovukFrontend();
initMojFrontend();

// Warn two minutes before the session ends for want of activity, and let the person stay signed in
// without leaving the page (and so without losing what they have typed).
const idleMinutes = Number(document.body.dataset.sessionIdleMinutes);
if (idleMinutes > 2) {
  let timer;
  const warnLater = () => {
    clearTimeout(timer);
    timer = setTimeout(showWarning, (idleMinutes - 2) * 60_000);
  };
  const showWarning = () => {
    const warning = document.createElement('div');
    warning.className = 'govuk-notification-banner baton-session-warning';
    warning.setAttribute('role', 'alert');
    warning.innerHTML =
      '<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title">Important</h2></div>' +
      '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">' +
      'You will be signed out in 2 minutes if you do nothing. What you have typed on this page is not saved yet.</p>' +
      '<button type="button" class="govuk-button govuk-!-margin-bottom-0">Stay signed in</button></div>';
    warning.querySelector('button').addEventListener('click', async () => {
      const response = await fetch('/session/keep-alive', { credentials: 'same-origin', redirect: 'manual' });
      if (response.ok) {
        warning.remove();
        warnLater();
      }
    });
    document.querySelector('main')?.prepend(warning);
    warning.querySelector('button').focus();
  };
  warnLater();
}

// The unread badge in the header follows new notifications as they arrive (server-sent events through the
// web service). Without this, the count is the one read when the page loaded.
const notificationsLink = document.querySelector('[data-unread-link]');
if (notificationsLink && 'EventSource' in window) {
  const live = new EventSource('/inbox/live');
  live.addEventListener('unread', (event) => {
    const count = Number(event.data);
    let badge = notificationsLink.querySelector('[data-testid="unread-badge"]');
    if (count > 0 && !badge) {
      badge = document.createElement('span');
      badge.className = 'baton-badge';
      badge.dataset.testid = 'unread-badge';
      notificationsLink.append(' ', badge);
    }
    if (badge && count > 0) {
      badge.innerHTML = `${count}<span class="govuk-visually-hidden"> unread</span>`;
    } else if (badge) {
      badge.remove();
    }
  });
  // A page being left closes its stream, rather than leaving the browser to reconnect.
  window.addEventListener('pagehide', () => live.close());
}
