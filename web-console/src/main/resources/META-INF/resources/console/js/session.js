/**
 * The end of a session without losing what was typed (docs/web-console.md#the-session): a banner before the token
 * expires (`hub.warnBeforeMs()`: 5 minutes, a third of the token's life when that is shorter) with "sign in again",
 * and signing in again in place: a modal over the current screen, which stays mounted with what was typed; the
 * stream resumes with the new token after the last event it had. When the token has expired the same modal appears
 * on its own and cannot be dismissed (only signed in again, or signed out). Another officer signing in there gets a
 * fresh shell of his own.
 */

import * as hub from './hub.js';
import * as i18n from './i18n.js';

i18n.addMessages({
  'zh-CN': {
    'session.expiresSoon': '登录将于 {time} 到期（剩余 {left}）。请重新登录，正在填写的内容不会丢失。',
    'session.renew': '重新登录',
    'session.dialog.title': '重新登录',
    'session.dialog.expired': '登录已到期。请重新登录：当前页面和正在填写的内容保持不变。',
    'session.dialog.renew': '在登录到期前重新登录：当前页面和正在填写的内容保持不变。',
    'session.dialog.cancel': '关闭',
    'session.dialog.signout': '退出登录',
    'error.AUTHENTICATION_REQUIRED': '登录已到期，请重新登录后再试',
    'error.TOKEN_EXPIRED': '登录已到期，请重新登录后再试',
    'error.BAD_CREDENTIALS': '用户名或密码不正确',
  },
  en: {
    'session.expiresSoon': 'Your sign-in expires at {time} ({left} left). Sign in again: nothing you typed is lost.',
    'session.renew': 'Sign in again',
    'session.dialog.title': 'Sign in again',
    'session.dialog.expired': 'Your sign-in has expired. Sign in again: this screen and what you typed stay as they are.',
    'session.dialog.renew': 'Sign in again before your sign-in expires: this screen and what you typed stay as they are.',
    'session.dialog.cancel': 'Close',
    'session.dialog.signout': 'Sign out',
    'error.AUTHENTICATION_REQUIRED': 'Your sign-in has expired: sign in again, then retry',
    'error.TOKEN_EXPIRED': 'Your sign-in has expired: sign in again, then retry',
    'error.BAD_CREDENTIALS': 'Wrong username or password',
  },
});

let current = null;
hub.onSessionWarn(expiresAt => { if (current) current.warn(expiresAt); });

/**
 * Starts the session UI of one shell: `banner` is its (hidden) banner element; `otherOfficer()` rebuilds the shell
 * when someone else signs in in the modal. Answers the stop function.
 */
export function start(banner, { el, t, fmtTime, user, otherOfficer }) {
  let ticker = null;
  let dialog = null;
  const hideBanner = () => { clearInterval(ticker); ticker = null; banner.hidden = true; banner.replaceChildren(); };

  function warn(expiresAt) {
    clearInterval(ticker);
    const text = el('span', { 'data-testid': 'session-expiry-text' });
    const paint = () => {
      const left = Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000));
      text.textContent = t('session.expiresSoon', { time: fmtTime(expiresAt),
        left: Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') });
    };
    paint();
    ticker = setInterval(paint, 1000);
    banner.replaceChildren(text, el('button', { type: 'button', 'data-testid': 'session-renew',
      'on:click': () => open(false) }, t('session.renew')));
    banner.dataset.expiresAt = expiresAt;
    banner.hidden = false;
  }

  function open(expired) {
    if (dialog) {
      if (expired) dialog.dataset.expired = 'true';
      dialog.querySelector('[data-testid="session-dialog-notice"]').textContent =
        t(expired ? 'session.dialog.expired' : 'session.dialog.renew');
      return;
    }
    const username = el('input', { 'data-testid': 'session-username', name: 'username', autocomplete: 'username',
      required: true, value: user.subject });
    const password = el('input', { 'data-testid': 'session-password', name: 'password', type: 'password',
      autocomplete: 'current-password', required: true });
    const error = el('p', { class: 'signin-error', 'data-testid': 'session-error', role: 'alert', hidden: true });
    const submit = el('button', { type: 'submit', 'data-testid': 'session-submit' }, t('signin.submit'));
    let node = null;
    const leave = el('button', { type: 'button', 'data-testid': 'session-leave', 'on:click': () => {
      if (node.dataset.expired === 'true') { close(); hub.signOut('signout'); otherOfficer(); } else close();
    } });
    const paintLeave = () => { leave.textContent = t(node.dataset.expired === 'true' ? 'session.dialog.signout' : 'session.dialog.cancel'); };
    node = dialog = el('dialog', { class: 'session-dialog', 'data-testid': 'session-dialog', 'aria-labelledby': 'session-dialog-title',
      'data-expired': expired ? 'true' : 'false' },
    el('form', { method: 'dialog', 'on:submit': async e => {
      e.preventDefault();
      submit.disabled = true;
      error.hidden = true;
      try {
        const issued = await hub.signIn(username.value.trim(), password.value);
        close();
        hideBanner();
        if (issued.subject !== user.subject) otherOfficer();
        else hub.events.start();
      } catch (err) {
        error.textContent = i18n.errorText(err);
        error.hidden = false;
        submit.disabled = false;
        password.select();
      }
    } },
    el('h2', { id: 'session-dialog-title' }, t('session.dialog.title')),
    el('p', { 'data-testid': 'session-dialog-notice' }, t(expired ? 'session.dialog.expired' : 'session.dialog.renew')),
    el('label', {}, t('signin.username'), username),
    el('label', {}, t('signin.password'), password),
    error,
    el('div', { class: 'session-dialog-actions' }, leave, submit)));
    paintLeave();
    new MutationObserver(paintLeave).observe(dialog, { attributes: true, attributeFilter: ['data-expired'] });
    // Escape closes it while the session still runs; an expired one is answered (signed in again or out)
    node.addEventListener('cancel', e => { if (node.dataset.expired === 'true') e.preventDefault(); });
    // (the browser may close a modal on a repeated Escape despite that: an expired session's comes straight back)
    node.addEventListener('close', () => {
      if (dialog !== node) return;
      if (node.dataset.expired === 'true' && !hub.currentSession()) node.showModal();
      else { node.remove(); dialog = null; }
    });
    document.body.append(dialog);
    dialog.showModal();
    password.focus();
  }

  function close() {
    if (!dialog) return;
    const d = dialog;
    dialog = null;
    d.close();
    d.remove();
  }

  const me = { warn, expired: () => open(true) };
  current = me;
  const s = hub.currentSession();
  if (s && Date.parse(s.expiresAt) - Date.now() <= hub.warnBeforeMs(s)) warn(s.expiresAt);
  return () => { if (current === me) current = null; hideBanner(); close(); };
}

/** The session of the shell on screen has expired: the sign-in modal over it (false when no shell is there). */
export function expired() {
  if (!current) return false;
  current.expired();
  return true;
}
